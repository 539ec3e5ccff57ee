using ReluKernels.Training.Outcomes;

namespace ReluKernels.Experiments.Remedies;

/// <summary>The classification of one trained network by <see cref="SampledOutcomeClassifier"/>.</summary>
/// <param name="Kind">The verdict (<see cref="OutcomeKind"/>; the same order of tests as <see cref="OutcomeClassifier"/>).</param>
/// <param name="TestError">Mean squared error on the test set; NaN when diverged.</param>
/// <param name="Spread">The largest over outputs of (max − min of the output on the grid) / the targets' standard deviation; NaN when diverged.</param>
/// <param name="FlatFraction">The fraction of grid cells on which the output is flat; NaN when diverged.</param>
public sealed record SampledOutcome(OutcomeKind Kind, double TestError, double Spread, double FlatFraction);
