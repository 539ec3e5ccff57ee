using ReluKernels.Cli.Merge;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Compositional;

/// <summary>
/// Merges <c>compositional-regions.shard-k-of-n.json</c> files: checks each against its arguments (the survey's initialisers in
/// table order, every network of the shard once, each with a count of at least 1 per initialiser and depth 1..d), puts the
/// networks in index order and summarises them as one unsharded survey does, writing its outputs byte for byte.
/// </summary>
public sealed class CompositionalRegionsShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => CompositionalRegions.Name;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shards = ShardSet.Load(paths, Load);
        var plan = shards[0].Config;
        var networks = shards.SelectMany(s => s.Runs[0].Networks).OrderBy(x => x.Index).ToList();
        var counts = Enumerable.Range(0, CompositionalRegions.Initializers.Count).Select(i => (IReadOnlyList<IReadOnlyList<int>>)[.. Enumerable.Range(0, plan.Depth)
            .Select(d => (IReadOnlyList<int>)[.. networks.Select(x => x.Counts[i][d])])]).ToList();
        CompositionalRegions.Write(plan, counts, new TrainingState.TrainingOutput(output.OutDirectory, output.Format, output.Figures, MergeOutput.Inputs(shards)));
    }

    /// <summary>Reads and verifies one shard file (its one run is the whole payload).</summary>
    /// <exception cref="UsageException">Unreadable, foreign, modified or inconsistent (one line).</exception>
    public static LoadedState<CompositionalRegionsPlan, CompositionalRegionsShardPayload> Load(string path) =>
        PlannedStateFile.Load<CompositionalRegionsShardPayload, CompositionalRegionsPlan, CompositionalRegionsShardPayload>(path, CompositionalRegions.Name,
            CompositionalCommand.RegionsPlanOf, Verify);

    private static (IReadOnlyList<CompositionalRegionsShardPayload>, bool) Verify(CompositionalRegionsPlan plan, Shard shard, CompositionalRegionsShardPayload payload)
    {
        var expected = CompositionalRegions.Initializers.Select(i => i.Name).ToList();
        if (!payload.Initializers.SequenceEqual(expected))
            throw new ArgumentException($"it surveys {string.Join(", ", payload.Initializers)}; this build surveys {string.Join(", ", expected)}");
        bool complete = ShardUnits.Verify(payload.Networks.Select(x => x.Index), plan.Networks, shard, "network");
        foreach (var x in payload.Networks)
        {
            if (x.Counts.Count != expected.Count)
                throw new ArgumentException($"network {x.Index} holds counts of {x.Counts.Count} initialisers, not {expected.Count}");
            for (int i = 0; i < expected.Count; i++)
            {
                if (x.Counts[i].Count != plan.Depth)
                    throw new ArgumentException($"network {x.Index} holds {x.Counts[i].Count} {expected[i]} counts, not one per depth 1..{plan.Depth}");
                // Every network's output is affine on at least one piece of [0, 1].
                for (int d = 0; d < plan.Depth; d++)
                    if (x.Counts[i][d] < 1)
                        throw new ArgumentException($"network {x.Index} has {x.Counts[i][d]} {expected[i]} regions at depth {d + 1}; every network has at least 1");
            }
        }
        return ([payload], complete);
    }
}
