using ReluKernels.Training;
using ReluKernels.Training.Layers;

namespace ReluKernels.Experiments.Remedies;

/// <summary>A finished <see cref="RemedyExperiment"/>: what was run, the summary, and per remedy its network and trainings (for plots).</summary>
/// <param name="Setup">What was run.</param>
/// <param name="Report">Counts, fractions and per-run rows.</param>
/// <param name="Layouts">The network of each remedy, in <see cref="RemedySetup.Remedies"/> order.</param>
/// <param name="Runs">Each remedy's trainings with their parameters and loss histories, in run order.</param>
public sealed record RemedyResult(RemedySetup Setup, RemedyReport Report, IReadOnlyList<LayeredArchitecture> Layouts,
    IReadOnlyList<IReadOnlyList<TrainingRun<float>>> Runs);
