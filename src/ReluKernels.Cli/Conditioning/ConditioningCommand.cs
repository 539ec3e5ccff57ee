using System.CommandLine;
using ReluKernels.Activations;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Cli.State;
using ReluKernels.Cli.TrainingState;
using ReluKernels.Conditioning;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.Theory.Conditioning;

namespace ReluKernels.Cli.Conditioning;

/// <summary>
/// <c>relukernels conditioning</c>: for an activation and a data set, the condition number and largest off-diagonal
/// correlation of the top-layer kernel (and the NTK) vs depth, infinite-width theory beside finite-width simulation
/// (Agarwal, Awasthi &amp; Kale 2021); with <c>--widths</c>, the kernel error vs width. With <c>--shard k/n</c> it draws
/// only the networks i with i mod n = k (at the main width and at every one of <c>--widths</c>) and stores their kernels.
/// </summary>
public static class ConditioningCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "conditioning";

    /// <summary>Creates the command.</summary>
    public static Command Create() => Create(Run);

    /// <summary>The plan of canonical <paramref name="arguments"/>, or null when they are not a valid command line (merge re-parses them).</summary>
    public static ConditioningPlan? PlanOf(IReadOnlyDictionary<string, string> arguments) =>
        CommandPlans.Parse<ConditioningPlan, ShardRequest>(Create, arguments, p => p.Arguments ?? new Dictionary<string, string>());

    private static Command Create(Func<ConditioningPlan, ShardRequest, int> run)
    {
        var activation = new Option<string>("--activation")
        {
            Description = "Activation, by a name 'activations' lists, e.g. normalised-relu, norm-relu, sign, leaky-relu(slope=0.2); normalised first if it is not.",
            DefaultValueFactory = _ => ConditioningDefaults.Activation,
        };
        var inputs = CommonOptions.IntInRange("--inputs", "Number of random unit vectors n", ConditioningDefaults.Inputs, 2, 1000);
        var dimension = CommonOptions.IntInRange("--dimension", "Their dimension d", ConditioningDefaults.Dimension, 1, 10_000);
        var separation = OptionValues.Real("--separation", "a number in (0, 1]", v => v > 0 && v <= 1);
        separation.Description = "Minimum separation δ = min (1 − |⟨xᵢ, xⱼ⟩|) of the random data set, in (0, 1].";
        separation.DefaultValueFactory = _ => ConditioningDefaults.Separation;
        var data = new Option<string?>("--data") { Description = "CSV file of inputs (one per line) instead of random unit vectors; they are scaled to unit length." };
        var maxDepth = CommonOptions.IntInRange("--max-depth", "Depths 1..L", ConditioningDefaults.MaxDepth, 1, FiniteWidthNetwork.MaxDepth);
        var width = CommonOptions.IntInRange("--width", "Hidden width of the simulated networks (the NTK is simulated up to 512)",
            ConditioningDefaults.Width, 2, FiniteWidthNetwork.MaxWidth);
        var networks = CommonOptions.IntInRange("--networks", "Random networks per width", ConditioningDefaults.Networks, 2, 1_000_000);
        var widths = CommonOptions.IntList("--widths", "Widths for the error-vs-width plot at the largest depth", 2, FiniteWidthNetwork.MaxWidth, "e.g. 16,64,256,1024; none by default");
        var shard = CommonOptions.Shard($"{Name}.shard-k-of-n.json", "the networks i with i mod n = k (at every width) and write their kernels");
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command(Name, "Condition number and largest correlation of the top-layer kernel and NTK vs depth: theory and simulation (Agarwal et al. 2021).")
        {
            activation, inputs, dimension, separation, data, maxDepth, width, networks, widths, shard, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r =>
        {
            var request = new ShardRequest(r.GetValue(shard) ?? Shard.Whole, new TrainingOutput(r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi)), null));
            string? path = r.GetValue(data);
            // The merge re-parses the arguments on another machine, where the file may differ or be missing.
            if (path is not null && !request.Shard.IsWhole)
                throw new UsageException("--shard: a run on --data does not shard (the merge could not check the file); drop one of them");
            var σ = ActivationByName.Find(r.GetValue(activation)!);
            var x = path is not null ? InputCsv.Read(path) : Draw(r.GetValue(inputs), r.GetValue(dimension), r.GetValue(separation), r.GetValue(seed));
            var settings = new SimulationSettings(r.GetValue(width), r.GetValue(maxDepth), r.GetValue(networks), r.GetValue(seed), r.GetValue(threads), WithNtk: false);
            var chosen = WidthConvergence.Distinct(r.GetValue(widths) ?? []);
            var plan = Plan(σ, x, settings, chosen, path is not null ? null
                : ConditioningPlan.RandomInputArguments(σ.ToString(), r.GetValue(inputs), r.GetValue(dimension), r.GetValue(separation), settings, chosen));
            return run(plan, request);
        });
        return command;
    }

    private static double[][] Draw(int count, int dimension, double separation, ulong seed)
    {
        try
        {
            return SeparatedUnitVectors.Draw(count, dimension, separation, seed);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--separation: {ex.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static ConditioningPlan Plan(ScalarActivation activation, double[][] inputs, SimulationSettings settings, int[] widths,
        IReadOnlyDictionary<string, string>? arguments)
    {
        ScalarActivation normalised;
        MathNet.Numerics.LinearAlgebra.Matrix<double> gram;
        try
        {
            normalised = Normalising.Of(activation);
            gram = GramMatrix.Of(inputs);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
        }
        if (settings.Width < gram.RowCount || widths.Any(w => w < gram.RowCount))
            throw new UsageException($"--width and --widths must be at least the number of inputs ({gram.RowCount}), or K̂ is singular");
        return new ConditioningPlan(normalised, inputs, settings with { WithNtk = settings.Width <= FiniteWidthNetwork.MaxNtkWidth }, widths, arguments);
    }

    private static int Run(ConditioningPlan plan, ShardRequest request)
    {
        int[] indices = ShardUnits.Of(plan.Settings.Networks, request.Shard);
        using var interrupt = new Interrupt();
        ConditioningShardPayload sampled;
        try
        {
            sampled = ProgressDisplay.Run(Name, interrupt, _ => new ConditioningShardPayload(
                ConditioningSimulation.Sample(plan.Activation, plan.Inputs, plan.Settings, indices, firstDepth: 1, interrupt.Token),
                WidthConvergence.Sample(plan.Activation, plan.Inputs, plan.Widths, plan.Settings, indices, interrupt.Token)));
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        if (!request.Shard.IsWhole)
        {
            ShardResult.Write(request.Output.OutDirectory, Name, plan.Arguments!, request.Shard, sampled);
            return ExitCodes.Success;
        }
        Write(plan, sampled, request.Output);
        return ExitCodes.Success;
    }

    /// <summary>Summarises every network of the run (in network order) and writes every output.</summary>
    /// <param name="plan">The run.</param>
    /// <param name="networks">All its networks, in index order, at the main width and at each of <see cref="ConditioningPlan.Widths"/>.</param>
    /// <param name="output">Where the results go.</param>
    public static void Write(ConditioningPlan plan, ConditioningShardPayload networks, TrainingOutput output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(output);
        var (σ, inputs, settings) = (plan.Activation, plan.Inputs, plan.Settings);
        var gram = GramMatrix.Of(inputs);
        var report = new ConditioningReport(σ.ToString(), ActivationMoments.Of(σ).NonLinearity, gram.RowCount, inputs[0].Length, GramMatrix.Separation(gram),
            KernelSpectrum.Of(gram).SmallestEigenvalue, settings.Width, settings.Networks, settings.Seed,
            ConditioningSimulation.Summarise(σ, inputs, settings, networks.Networks, firstDepth: 1),
            plan.Widths.Length == 0 ? null : WidthConvergence.Summarise(σ, inputs, plan.Widths, settings, networks.Widths));
        ExperimentFiles.Write(Path.Combine(output.OutDirectory, Name), Json.Serialize(report), ConditioningCsv.Build(report),
            output.Figures is null ? null : stem => ConditioningPlot.Save(report, output.Figures, stem), () => ConditioningTableView.Build(report), output.Format,
            report.Convergence?.Slope is { } slope ? FormattableString.Invariant($"Kernel error vs width at depth {report.Convergence.Depth}: slope {slope:F3} (CLT: -0.5).") : null,
            output.Inputs);
    }
}
