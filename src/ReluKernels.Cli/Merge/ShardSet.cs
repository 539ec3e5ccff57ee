using ReluKernels.Cli.State;

namespace ReluKernels.Cli.Merge;

/// <summary>The checks that a set of loaded shard files is exactly the shards 0..n−1 of one finished run.</summary>
public static class ShardSet
{
    /// <summary>
    /// Loads every file with <paramref name="load"/> (which verifies each on its own) and checks that together they are
    /// exactly the shards 0..n−1 of one finished run: same arguments and shard count, each shard once, each complete.
    /// </summary>
    /// <returns>The shards, in the order given.</returns>
    /// <exception cref="UsageException">One line naming the first file at fault and what is wrong with it.</exception>
    public static IReadOnlyList<LoadedState<TConfig, TRun>> Load<TConfig, TRun>(IReadOnlyList<string> paths, Func<string, LoadedState<TConfig, TRun>> load)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(load);
        var shards = paths.Select(load).ToList();
        var first = shards[0];
        var seen = new Dictionary<int, string>();
        foreach (var shard in shards)
        {
            var (theirs, ours) = StateArguments.Differences(shard.Arguments, first.Arguments);
            if (theirs.Length > 0)
                throw new UsageException($"'{shard.Path}' was made with {theirs}; '{first.Path}' with {ours}");
            if (shard.Shard.Count != first.Shard.Count)
                throw new UsageException($"'{shard.Path}' is shard {shard.Shard} of {shard.Shard.Count}; '{first.Path}' is one of {first.Shard.Count}");
            if (!shard.Complete)
                throw new UsageException($"'{shard.Path}' holds an unfinished shard; finish it before merging");
            if (!seen.TryAdd(shard.Shard.Index, shard.Path))
                throw new UsageException($"'{shard.Path}' repeats shard {shard.Shard} (also in '{seen[shard.Shard.Index]}')");
        }
        var missing = Enumerable.Range(0, first.Shard.Count).Where(k => !seen.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new UsageException($"{Listed(missing)} missing from 0..{first.Shard.Count - 1} ({paths.Count} {(paths.Count == 1 ? "file" : "files")} given)");
        return shards;
    }

    /// <summary>"shard 3 is" / "shards 3, 5 are", naming at most ten so that the line stays one line with 10⁴ shards.</summary>
    private static string Listed(List<int> missing)
    {
        const int Shown = 10;
        string names = string.Join(", ", missing.Take(Shown)) + (missing.Count > Shown ? $" and {missing.Count - Shown} more" : "");
        return missing.Count == 1 ? $"shard {names} is" : $"shards {names} are";
    }
}
