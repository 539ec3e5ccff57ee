using System.Numerics;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Training;

/// <summary>One training of a <see cref="ParallelTraining"/> batch.</summary>
/// <param name="Index">The run number r (its random stream is <c>(seed, r)</c>).</param>
/// <param name="Result">How the training ended.</param>
/// <param name="InitialParameters">The parameters it started from.</param>
/// <param name="FinalParameters">The trained parameters (possibly non-finite when diverged).</param>
/// <param name="History">The epoch losses, when <see cref="ParallelTrainingOptions.HistoryInterval"/> is set; else null.</param>
/// <param name="Outcome">The classification of the trained network, when a classifier was given; else null.</param>
/// <param name="InitialOutcome">The classification of the initial network (e.g. born dead), when a classifier was given; else null.</param>
/// <typeparam name="T">The parameters' element type.</typeparam>
public sealed record TrainingRun<T>(int Index, TrainingResult Result, T[] InitialParameters, T[] FinalParameters, LossHistory? History,
    TrainingOutcome? Outcome, TrainingOutcome? InitialOutcome) where T : unmanaged, IFloatingPointIeee754<T>;
