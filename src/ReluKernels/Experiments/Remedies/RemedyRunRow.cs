using ReluKernels.Training;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Experiments.Remedies;

/// <summary>One training of a <see cref="RemedyExperiment"/> (a CSV row; property names are the JSON names). Values that are not finite are null.</summary>
/// <param name="Remedy">The remedy's command-line name.</param>
/// <param name="Run">Run number r (its random stream is (seed, r), the same r for every remedy).</param>
/// <param name="Outcome">The classification of the trained network.</param>
/// <param name="CollapsedAtInit">Whether the initial network was already collapsed (constant on Ω).</param>
/// <param name="TestError">Mean squared error on the test set.</param>
/// <param name="Spread">Largest output range on Ω over the targets' standard deviation.</param>
/// <param name="FlatFraction">Fraction of the grid's cells on which the output is flat.</param>
/// <param name="FinalLoss">Training loss after the last update.</param>
/// <param name="Status">Why the training stopped.</param>
/// <param name="Epochs">Epochs run.</param>
public sealed record RemedyRunRow(string Remedy, int Run, OutcomeKind Outcome, bool CollapsedAtInit, double? TestError, double? Spread, double? FlatFraction,
    double? FinalLoss, TrainingStatus Status, int Epochs);
