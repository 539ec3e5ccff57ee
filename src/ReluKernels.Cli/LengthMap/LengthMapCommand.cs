using System.CommandLine;
using ReluKernels.Activations;
using ReluKernels.Cli.Conditioning;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.State;
using ReluKernels.Cli.TrainingState;
using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ReluKernels.LengthMap;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.LengthMap;

/// <summary>
/// <c>relukernels length-map</c>: per layer, the length map E[q^l] of Lu, Su &amp; Karniadakis (2019), §3, beside the mean of
/// q^l over random finite-width networks, for He, LeCun and Glorot initialisation and each activation the kernels offer.
/// With <c>--shard k/n</c> it draws only the networks i with i mod n = k (of every activation and initialiser) and stores their q^l.
/// </summary>
public static class LengthMapCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "length-map";

    private const string All = "all";

    /// <summary>Creates the command.</summary>
    public static Command Create() => Create(Run);

    /// <summary>The plan of canonical <paramref name="arguments"/>, or null when they are not a valid command line (merge re-parses them).</summary>
    public static LengthMapPlan? PlanOf(IReadOnlyDictionary<string, string> arguments) =>
        CommandPlans.Parse<LengthMapPlan, ShardRequest>(Create, arguments, p => p.Arguments);

    private static Command Create(Func<LengthMapPlan, ShardRequest, int> run)
    {
        var activation = new Option<string>("--activation")
        {
            Description = $"Activation by a name 'activations' lists, or '{All}': {string.Join(", ", KernelActivationOf.Simulable)}.",
            DefaultValueFactory = _ => All,
        };
        var init = new Option<string>("--init")
        {
            Description = $"Weight initialiser: {string.Join(", ", LengthMapInits.All)} or '{All}'.",
            DefaultValueFactory = _ => All,
        };
        var width = CommonOptions.IntInRange("--width", "Neurons per layer N (the input (1, …, 1) has N entries, so q⁰ = 1)",
            LengthMapDefaults.Width, 1, ShapeLimits.MaxRuntimeWidth);
        var depth = CommonOptions.IntInRange("--depth", "Layers L", LengthMapDefaults.Depth, 1, ShapeLimits.MaxDepth);
        var biasStd = CommonOptions.NonNegative("--bias-std", "σ_b: biases N(0, σ_b²) in every layer (0: no bias)", LengthMapDefaults.BiasStd);
        var trials = CommonOptions.IntInRange("--trials", "Random networks per activation and initialiser", LengthMapDefaults.Trials, 2, 10_000_000);
        var shard = CommonOptions.Shard($"{Name}.shard-k-of-n.json", "the networks i with i mod n = k (of every activation and initialiser) and write their lengths");
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command(Name, "The length map E[q^l] per layer (Lu, Su & Karniadakis 2019, §3) beside finite-width simulation, for He, LeCun and Glorot.")
        {
            activation, init, width, depth, biasStd, trials, shard, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r =>
        {
            var activations = Activations(r.GetValue(activation)!);
            var inits = Inits(r.GetValue(init)!);
            var settings = new LengthMapSettings(r.GetValue(width), r.GetValue(depth), r.GetValue(biasStd), r.GetValue(trials), r.GetValue(seed), r.GetValue(threads));
            var arguments = LengthMapPlan.ArgumentsOf(activations.Count == 1 ? activations[0].ToString() : All, inits.Count == 1 ? inits[0].ToString() : All, settings);
            var request = new ShardRequest(r.GetValue(shard) ?? Shard.Whole, new TrainingOutput(r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi)), null));
            return run(new LengthMapPlan(activations, inits, settings, arguments), request);
        });
        return command;
    }

    private static IReadOnlyList<ScalarActivation> Activations(string name)
    {
        if (name.Equals(All, StringComparison.OrdinalIgnoreCase))
            return KernelActivationOf.Simulable;
        var found = ActivationByName.Find(name);
        return KernelActivationOf.Find(found) is null
            ? throw new UsageException($"--activation: {found} has no kernel to simulate; use one of {string.Join(", ", KernelActivationOf.Simulable)} or '{All}'")
            : [found];
    }

    private static IReadOnlyList<LengthMapInit> Inits(string name)
    {
        if (name.Equals(All, StringComparison.OrdinalIgnoreCase))
            return LengthMapInits.All;
        foreach (var init in LengthMapInits.All)
            if (init.ToString().Equals(name, StringComparison.OrdinalIgnoreCase))
                return [init];
        throw new UsageException($"--init must be one of {string.Join(", ", LengthMapInits.All)} or '{All}', got '{name}'");
    }

    private static int Run(LengthMapPlan plan, ShardRequest request)
    {
        int[] indices = ShardUnits.Of(plan.Settings.Trials, request.Shard);
        var runs = plan.Runs.ToList();
        using var interrupt = new Interrupt();
        List<NetworkLengths[]> sampled;
        try
        {
            sampled = ProgressDisplay.Run(Name, interrupt, progress =>
            {
                var done = new List<NetworkLengths[]>();
                foreach (var (φ, init) in runs)
                {
                    done.Add(LengthMapSimulation.Sample(φ, init, plan.Settings, indices, interrupt.Token));
                    progress?.Invoke(done.Count, runs.Count);
                }
                return done;
            });
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        if (!request.Shard.IsWhole)
        {
            var payload = new LengthMapShardPayload([.. runs.Zip(sampled, (run, networks) =>
                new LengthMapShardRun(run.Activation.ToString(), run.Init, [.. networks.Select(LengthMapShardNetwork.Of)]))]);
            ShardResult.Write(request.Output.OutDirectory, Name, plan.Arguments, request.Shard, payload);
            return ExitCodes.Success;
        }
        Write(plan, sampled, request.Output);
        return ExitCodes.Success;
    }

    /// <summary>Summarises every network of the run (in network order) and writes every output.</summary>
    /// <param name="plan">The run.</param>
    /// <param name="networks">Per (activation, initialiser) of <see cref="LengthMapPlan.Runs"/>, all its networks in index order.</param>
    /// <param name="output">Where the results go.</param>
    public static void Write(LengthMapPlan plan, IReadOnlyList<IReadOnlyList<NetworkLengths>> networks, TrainingOutput output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(output);
        var settings = plan.Settings;
        var runs = plan.Runs.Zip(networks, (run, all) => LengthMapSimulation.Summarise(run.Activation, run.Init, settings, all)).ToList();
        var report = new LengthMapReport(settings.Width, settings.Depth, settings.BiasStd, settings.Trials, settings.Seed, runs);
        ExperimentFiles.Write(Path.Combine(output.OutDirectory, Name), Json.Serialize(report), LengthMapCsv.Build(report),
            output.Figures is null ? null : stem => LengthMapPlot.Save(report, output.Figures, stem), () => LengthMapTableView.Build(report), output.Format, null, output.Inputs);
    }
}
