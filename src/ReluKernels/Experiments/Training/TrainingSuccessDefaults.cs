using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Experiments.Training;

/// <summary>
/// The settings of a <see cref="TrainingSuccessExperiment"/> run (the CLI's <c>train-success</c>) when none are given: a
/// default scale and the paper's.
/// </summary>
/// <remarks>
/// Shin &amp; Karniadakis 2020 ("Trainability of ReLU networks and data-dependent initialization", §5.1) train 1000 networks
/// per width with SGD at lr 1e-3, mini-batch 128, for up to 10⁶ epochs: <see cref="RunsPerWidth"/>,
/// <see cref="BatchSize"/>, <see cref="PaperOptimizer"/> and <see cref="PaperEpochs"/> are the paper's. That is about 12
/// hours on 2 cores, so the default run is ours: Adam with lr 1e-2 for 2000 epochs (docs/experiments/training.md). The
/// width grids are ours too: every width from m up to the paper's range, all of them generated shapes.
/// </remarks>
public static class TrainingSuccessDefaults
{
    /// <summary>The targets of Shin &amp; Karniadakis 2020, §5.1, by their <see cref="Problems.Named"/> names.</summary>
    public static IReadOnlyList<string> Targets { get; } = ["f1", "f2"];

    /// <summary>Trainings per width, the paper's.</summary>
    public const int RunsPerWidth = 1000;

    /// <summary>Epochs per training of a default run (ours).</summary>
    public const int Epochs = 2000;

    /// <summary>Epochs per training at paper scale, the paper's.</summary>
    public const int PaperEpochs = 1_000_000;

    /// <summary>The learning rate of a default run (ours).</summary>
    public const double LearningRate = 1e-2;

    /// <summary>The paper's learning rate.</summary>
    public const double PaperLearningRate = 1e-3;

    /// <summary>The optimiser of a default run (ours): Adam with <see cref="LearningRate"/>.</summary>
    public static FirstOrderSettings Optimizer { get; } = new AdamSettings(LearningRate);

    /// <summary>The paper's optimiser: plain SGD with <see cref="PaperLearningRate"/>.</summary>
    public static FirstOrderSettings PaperOptimizer { get; } = new SgdSettings(PaperLearningRate);

    /// <summary>Mini-batch size, the paper's.</summary>
    public const int BatchSize = 128;

    /// <summary>The default widths for target <paramref name="target"/> (ours): f1 (m = 2) 2..6, 8, 10; f2 (m = 4) 4..6, 8, 10, 12, 16.</summary>
    /// <exception cref="ArgumentException"><paramref name="target"/> is neither f1 nor f2.</exception>
    public static IReadOnlyList<int> Widths(string target) => target switch
    {
        "f1" => [2, 3, 4, 5, 6, 8, 10],
        "f2" => [4, 5, 6, 8, 10, 12, 16],
        _ => throw new ArgumentException($"Shin & Karniadakis 2020, §5.1 has targets f1 and f2, not {target}.", nameof(target)),
    };
}
