using System.Text.Json.Serialization;
using ReluKernels.Training;

namespace ReluKernels.Cli.TrainingState;

/// <summary>
/// One finished training as a state file stores it: what cannot be recomputed cheaply. The initial parameters are drawn
/// again from (seed, run) and both networks classified again on load (<see cref="ParallelTraining.Restore"/>), so they are not stored.
/// System.Text.Json writes float and double in their shortest round-trip form, so every value reads back bit for bit.
/// </summary>
/// <param name="Run">The run index r.</param>
/// <param name="Status">Why the training stopped.</param>
/// <param name="Epochs">Epochs run.</param>
/// <param name="FinalLoss">The final training loss (NaN or infinite only for a diverged run).</param>
/// <param name="GradientVanishedEpoch">First epoch with vanished hidden-layer gradients, or 0.</param>
/// <param name="FinalParameters">The trained parameters (non-finite entries only for a diverged run).</param>
/// <param name="Losses">The loss history at epochs k, 2k, … when the run records one; else null.</param>
public sealed record TrainingRunState(
    int Run, TrainingStatus Status, int Epochs,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double FinalLoss,
    int GradientVanishedEpoch,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] float[] FinalParameters,
    double[]? Losses)
{
    /// <summary>The stored form of <paramref name="run"/>.</summary>
    public static TrainingRunState Of(TrainingRun<float> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var r = run.Result;
        return new(run.Index, r.Status, r.Epochs, r.FinalLoss, r.GradientVanishedEpoch, run.FinalParameters, run.History?.Losses.ToArray());
    }
}

/// <summary>The finished runs of one cell of a training command (one target, width, or task and initialisation) and the kernel that ran them.</summary>
/// <param name="Cell">The cell's name, e.g. <c>f1 width 4</c>.</param>
/// <param name="Kernel">The kernel's description (shards of one result must agree on it).</param>
/// <param name="Runs">Finished runs, by increasing index.</param>
public sealed record TrainingCellState(string Cell, string Kernel, IReadOnlyList<TrainingRunState> Runs);

/// <summary>The payload of a training command's state file: one entry per cell, in the command's cell order.</summary>
/// <param name="Cells">The cells.</param>
public sealed record TrainingStatePayload(IReadOnlyList<TrainingCellState> Cells);
