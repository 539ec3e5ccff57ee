using System.Text.Json.Serialization;
using ReluKernels.Conditioning;

namespace ReluKernels.Cli.TrainDepth;

/// <summary>
/// The payload of a <c>train-depth</c> shard file: per (activation, depth), in report order, the shard's runs by increasing
/// index. Each run's losses are stored because the summaries (quantiles, fitted and diverged counts) are taken over all runs.
/// </summary>
/// <param name="Cells">One per (activation, depth), activations outer.</param>
public sealed record TrainDepthShardPayload(IReadOnlyList<TrainDepthShardCell> Cells);

/// <summary>The shard's runs of one activation at one depth.</summary>
/// <param name="Activation">The activation's name (<see cref="DepthTrainingActivation.Name"/>).</param>
/// <param name="Depth">Hidden layers.</param>
/// <param name="Runs">The runs r with r mod n = k, by increasing index.</param>
public sealed record TrainDepthShardCell(string Activation, int Depth, IReadOnlyList<TrainDepthShardRun> Runs);

/// <summary>One training as a shard file stores it.</summary>
/// <param name="Index">The run index r.</param>
/// <param name="InitialLoss">MSE of the initial network (+∞ or NaN, written by name, only if the initial network overflowed).</param>
/// <param name="FinalLoss">MSE after training; null for a diverged run, whose loss is NaN or infinite.</param>
public sealed record TrainDepthShardRun(int Index, [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double InitialLoss,
    double? FinalLoss)
{
    /// <summary>The stored form of <paramref name="run"/>.</summary>
    public static TrainDepthShardRun Of(DepthTrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Index, run.InitialLoss, run.FinalLoss);
    }

    /// <summary>The library's form.</summary>
    public DepthTrainingRun ToRun() => new(Index, InitialLoss, FinalLoss);
}
