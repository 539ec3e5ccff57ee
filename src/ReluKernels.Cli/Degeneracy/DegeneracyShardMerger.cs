using ReluKernels.Cli.Merge;
using ReluKernels.Cli.State;
using ReluKernels.Degeneracy.Examples;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Degeneracy;

/// <summary>
/// Merges <c>degeneracy.shard-k-of-n.json</c> files: checks each against its arguments (every pair of the shard once, its
/// planting and ratios what its index and distances make them), puts the pairs in index order and writes the outputs of
/// one unsharded run, byte for byte.
/// </summary>
public sealed class DegeneracyShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => DegeneracyCommand.Name;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shards = ShardSet.Load(paths, Load);
        var pairs = shards.SelectMany(s => s.Runs).OrderBy(p => p.Index).ToList();
        DegeneracyCommand.Write(shards[0].Config, pairs,
            new TrainingState.TrainingOutput(output.OutDirectory, output.Format, output.Figures, MergeOutput.Inputs(shards)));
    }

    /// <summary>Reads and verifies one shard file.</summary>
    /// <exception cref="UsageException">Unreadable, foreign, modified or inconsistent (one line).</exception>
    public static LoadedState<DegeneracyPlan, RestrictedSpacePair> Load(string path) =>
        PlannedStateFile.Load<DegeneracyShardPayload, DegeneracyPlan, RestrictedSpacePair>(path, DegeneracyCommand.Name, DegeneracyCommand.PlanOf, Verify);

    private static (IReadOnlyList<RestrictedSpacePair>, bool) Verify(DegeneracyPlan plan, Shard shard, DegeneracyShardPayload payload)
    {
        bool complete = ShardUnits.Verify(payload.Pairs.Select(p => p.Index), plan.Pairs, shard, "pair");
        foreach (var p in payload.Pairs)
        {
            if (p.Planted != (p.Index % 2 == 1))
                throw new ArgumentException($"pair {p.Index} is {(p.Planted ? "" : "not ")}planted; odd pairs, and only they, are");
            if (!(p.Sigma is >= 1e-6 and <= 1))
                throw new ArgumentException($"pair {p.Index} has σ = {p.Sigma}, outside [1e-6, 1]");
            double[] measured = [p.UnrestrictedDistance, p.UnrestrictedRealisation, p.RestrictedDistance, p.RestrictedRealisation];
            if (!measured.All(v => double.IsFinite(v) && v >= 0))
                throw new ArgumentException($"pair {p.Index} has a negative or non-finite distance");
            if (p.UnrestrictedRatio != RestrictedSpaceStudy.Ratio(p.UnrestrictedDistance, p.UnrestrictedRealisation)
                || p.RestrictedRatio != RestrictedSpaceStudy.Ratio(p.RestrictedDistance, p.RestrictedRealisation))
                throw new ArgumentException($"pair {p.Index} has ratios its distances do not give");
        }
        return (payload.Pairs, complete);
    }
}
