using ReluKernels.Training;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Experiments.Training;

/// <summary>One training of a <see cref="CollapseTrainingExperiment"/> (a CSV row; property names are the JSON names).</summary>
/// <param name="Run">Run number r (its random stream is (seed, r)).</param>
/// <param name="Outcome">The classification of the trained network.</param>
/// <param name="CollapsedAtInit">Whether the network was already constant on Ω when initialised (born dead).</param>
/// <param name="IsMean">Collapsed to the training targets' mean (within the tolerance).</param>
/// <param name="IsMedian">Collapsed to a median of the training targets (within the tolerance).</param>
/// <param name="Constant">The constant output per output when collapsed; else empty.</param>
/// <param name="DistanceToMean">Collapsed: |c − mean| in standard deviations of the targets (largest over outputs); else null.</param>
/// <param name="DistanceToMedian">Collapsed: distance from c to the median interval in standard deviations; else null.</param>
/// <param name="FlatFraction">Part of Ω on which the trained network is constant; null when diverged.</param>
/// <param name="FinalLoss">Training loss (the run's loss function) after the last update; null when not finite.</param>
/// <param name="TestError">Mean squared error on the test set; null when not finite.</param>
/// <param name="Status">Why the training stopped.</param>
/// <param name="Epochs">Epochs run.</param>
/// <param name="GradientVanishedEpoch">First epoch in which every hidden-layer gradient was exactly zero, or 0.</param>
/// <param name="FirstDeadLayer">First hidden layer identically zero on Ω after training, or 0.</param>
/// <param name="DeadHiddenNeurons">Hidden neurons constant on Ω after training.</param>
public sealed record CollapseTrainingRow(int Run, OutcomeKind Outcome, bool CollapsedAtInit, bool IsMean, bool IsMedian,
    IReadOnlyList<double> Constant, double? DistanceToMean, double? DistanceToMedian, double? FlatFraction, double? FinalLoss, double? TestError,
    TrainingStatus Status, int Epochs, int GradientVanishedEpoch, int FirstDeadLayer, int DeadHiddenNeurons);
