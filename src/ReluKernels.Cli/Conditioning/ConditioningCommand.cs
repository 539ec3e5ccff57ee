using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Conditioning;
using ReluKernels.Experiments;
using ReluKernels.Theory.Conditioning;

namespace ReluKernels.Cli.Conditioning;

/// <summary>
/// <c>relukernels conditioning</c>: for an activation and a data set, the condition number and largest off-diagonal
/// correlation of the top-layer kernel (and the NTK) vs depth, infinite-width theory beside finite-width simulation
/// (Agarwal, Awasthi &amp; Kale 2021); with <c>--widths</c>, the kernel error vs width.
/// </summary>
public static class ConditioningCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
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
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var command = new Command("conditioning", "Condition number and largest correlation of the top-layer kernel and NTK vs depth: theory and simulation (Agarwal et al. 2021).")
        {
            activation, inputs, dimension, separation, data, maxDepth, width, networks, widths, seed, threads, output, format, noPlot,
        };
        command.SetAction(r =>
        {
            var σ = ActivationByName.Find(r.GetValue(activation)!);
            var x = r.GetValue(data) is { } path ? InputCsv.Read(path) : Draw(r.GetValue(inputs), r.GetValue(dimension), r.GetValue(separation), r.GetValue(seed));
            var settings = new SimulationSettings(r.GetValue(width), r.GetValue(maxDepth), r.GetValue(networks), r.GetValue(seed), r.GetValue(threads), WithNtk: false);
            return Run(σ, x, settings, r.GetValue(widths) ?? [], r.GetValue(output)!, r.GetValue(format), r.GetValue(noPlot));
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

    private static int Run(ReluKernels.Activations.ScalarActivation activation, double[][] inputs, SimulationSettings settings, int[] widths,
        string outDirectory, OutputFormat format, bool noPlot)
    {
        ReluKernels.Activations.ScalarActivation normalised;
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
        settings = settings with { WithNtk = settings.Width <= FiniteWidthNetwork.MaxNtkWidth };
        using var interrupt = new Interrupt();
        ConditioningReport report;
        try
        {
            report = ProgressDisplay.Run("conditioning", interrupt, _ => new ConditioningReport(normalised.ToString(), ActivationMoments.Of(normalised).NonLinearity,
                gram.RowCount, inputs[0].Length, GramMatrix.Separation(gram), KernelSpectrum.Of(gram).SmallestEigenvalue, settings.Width, settings.Networks,
                settings.Seed, ConditioningSimulation.Run(normalised, inputs, settings, interrupt.Token),
                widths.Length == 0 ? null : WidthConvergence.Measure(normalised, inputs, widths, settings, interrupt.Token)));
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        ExperimentFiles.Write(Path.Combine(outDirectory, "conditioning"), Json.Serialize(report), ConditioningCsv.Build(report),
            noPlot ? null : stem => ConditioningPlot.Save(report, stem), () => ConditioningTableView.Build(report), format,
            report.Convergence?.Slope is { } slope ? FormattableString.Invariant($"Kernel error vs width at depth {report.Convergence.Depth}: slope {slope:F3} (CLT: -0.5).") : null);
        return ExitCodes.Success;
    }
}
