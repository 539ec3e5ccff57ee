using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Conditioning;
using ReluKernels.Experiments;

namespace ReluKernels.Cli.TrainDepth;

/// <summary>
/// <c>relukernels train-depth</c>: the training check of Agarwal, Awasthi &amp; Kale (2021) — plain ReLU, normalised ReLU and
/// NormReLU_b networks of increasing depth fitted to random ±1 labels on separated unit vectors with the same budget; the
/// training loss vs depth per activation with its spread over initial networks.
/// </summary>
public static class TrainDepthCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "train-depth";

    /// <summary>The most runs per activation and depth (all are kept in memory until summarised).</summary>
    public const int MaxRuns = 10_000;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var width = CommonOptions.IntInRange("--width", "Hidden width", DepthTrainingDefaults.Width, 2, ShapeLimits.MaxRuntimeWidth);
        var depths = CommonOptions.IntList("--depths", "Depths (hidden layers)", DepthTrainingDefaults.Depths, 1, ShapeLimits.MaxDepth);
        var inputs = CommonOptions.IntInRange("--inputs", "Training points n (random unit vectors)", DepthTrainingDefaults.Inputs, 2, 1000);
        var dimension = CommonOptions.IntInRange("--dimension", "Their dimension d", DepthTrainingDefaults.Dimension, 1, ShapeLimits.MaxDim);
        var separation = OptionValues.Real("--separation", "a number in (0, 1]", v => v > 0 && v <= 1);
        separation.Description = "Minimum separation δ = min (1 − |⟨xᵢ, xⱼ⟩|) of the inputs, in (0, 1].";
        separation.DefaultValueFactory = _ => DepthTrainingDefaults.Separation;
        var epochs = TrainingCliOptions.Epochs($"Full-batch Adam steps per training (default {DepthTrainingDefaults.Epochs}).");
        var learningRate = TrainingCliOptions.LearningRate($"Adam's learning rate (default {DepthTrainingDefaults.LearningRate}).");
        var runs = TrainingCliOptions.Runs($"Initial networks (runs 0, 1, … of --seed) per activation and depth (default {DepthTrainingDefaults.Runs}, at most {MaxRuns}).", MaxRuns);
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command(Name,
            "Training loss vs depth for plain ReLU, normalised ReLU and NormReLU_b on random labels (Agarwal et al. 2021's training check, small scale).")
        {
            width, depths, inputs, dimension, separation, epochs, learningRate, runs, seed, threads, output, format, noPlot, dpi,
        };
        command.SetAction(r =>
        {
            var settings = new DepthTrainingSettings(r.GetValue(width), [.. r.ValueOr(depths, [.. DepthTrainingDefaults.Depths]).Distinct().Order()],
                r.GetValue(inputs), r.GetValue(dimension), r.GetValue(separation), r.ValueOr(epochs, DepthTrainingDefaults.Epochs),
                r.ValueOr(learningRate, DepthTrainingDefaults.LearningRate), r.ValueOr(runs, DepthTrainingDefaults.Runs), r.GetValue(seed), r.GetValue(threads));
            return Run(settings, r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi)));
        });
        return command;
    }

    private static int Run(DepthTrainingSettings settings, string outDirectory, OutputFormat format, FigureFiles? figures)
    {
        try
        {
            DepthTrainingExperiment.Data(settings);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--separation: {ex.Message.Split(" (Parameter", 2)[0]}");
        }
        var activations = DepthTrainingActivation.All;
        long total = (long)activations.Count * settings.Depths.Count * settings.Runs;
        using var interrupt = new Interrupt();
        DepthTrainingReport report;
        try
        {
            report = ProgressDisplay.Run(Name, interrupt, bar => DepthTrainingExperiment.Run(settings, activations,
                bar is null ? null : new Progress<int>(done => bar(done, total)), interrupt.Token));
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        ExperimentFiles.Write(Path.Combine(outDirectory, Name), Json.Serialize(report), TrainDepthCsv.Build(report),
            figures is null ? null : stem => TrainDepthPlot.Save(report, figures, stem), () => TrainDepthTableView.Build(report), format);
        return ExitCodes.Success;
    }
}
