using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Experiments.Training;

/// <summary>
/// The settings of a <see cref="CollapseTrainingExperiment"/> run (the CLI's <c>train-collapse</c>) when none are given: a
/// default scale and the paper scale.
/// </summary>
/// <remarks>
/// Lu, Su &amp; Karniadakis 2019 ("Collapse of deep and narrow neural nets", Sec. 2) state the targets, the network
/// (<see cref="CollapseTrainingExperiment.ArchitectureFor"/>), the initialisation and the mini-batch size 128: those are
/// the paper's. They state neither the optimiser's learning rate, the number of epochs nor the number of runs: Adam with
/// lr 1e-3, 1000 (default) or 5000 (paper scale) epochs and 1000 runs are ours (docs/experiments/training.md).
/// </remarks>
public static class CollapseTrainingDefaults
{
    /// <summary>The targets of Lu, Su &amp; Karniadakis 2019, Sec. 2 (Figs. 1–4), by their <see cref="Problems.Named"/> names.</summary>
    public static IReadOnlyList<string> Targets { get; } = ["abs", "xsin5x", "step-sine", "abs-sum-diff"];

    /// <summary>The default target, |x| (Lu, Su &amp; Karniadakis 2019, Fig. 1).</summary>
    public const string Target = "abs";

    /// <summary>Independent trainings of a default run (ours).</summary>
    public const int Runs = 1000;

    /// <summary>Independent trainings at paper scale (ours: the paper states no count).</summary>
    public const int PaperRuns = 1000;

    /// <summary>Epochs per training of a default run (ours).</summary>
    public const int Epochs = 1000;

    /// <summary>Epochs per training at paper scale (ours: the paper states no count).</summary>
    public const int PaperEpochs = 5000;

    /// <summary>Adam's learning rate (ours: Adam's usual 1e-3; the paper lists many optimisers and no rate).</summary>
    public const double LearningRate = 1e-3;

    /// <summary>Mini-batch size, the paper's.</summary>
    public const int BatchSize = 128;

    /// <summary>
    /// λ of the balance penalty (ours): for He-initialised 2 × 9 networks the squared norms are O(1), so the penalty's
    /// gradient is O(λ), beside a data gradient of O(0.1–1); 0.1 makes the penalty matter without swamping the data.
    /// </summary>
    public const double BalanceWeight = 0.1;

    /// <summary>Where the paper-scale counts come from, for help texts.</summary>
    public const string PaperScaleNote = "Lu et al. 2019 states neither; see docs/experiments/training.md";
}
