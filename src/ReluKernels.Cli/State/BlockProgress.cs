using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.State;

/// <summary>The checks every stored run's progress must pass on load, whatever its counts.</summary>
public static class BlockProgress
{
    /// <summary>
    /// Checks that <paramref name="blocksDone"/> is within the shard's blocks, that <paramref name="trials"/> is what those
    /// blocks hold (blocks are added whole and in order, so the trials are fixed by the block count), and that a run marked
    /// complete has all its blocks unless <paramref name="stoppedEarly"/> (a target half-width reached).
    /// </summary>
    /// <param name="what">The run, as messages name it (e.g. <c>width 3</c>).</param>
    /// <param name="blocksDone">The shard's first blocks counted.</param>
    /// <param name="trials">Trials counted.</param>
    /// <param name="complete">Whether the run claims to be finished.</param>
    /// <param name="options">The options of the file's arguments and shard.</param>
    /// <param name="stoppedEarly">Whether the counts allow a run to have stopped before its last block.</param>
    /// <exception cref="ArgumentException">The first inconsistency, as a phrase naming <paramref name="what"/>.</exception>
    public static void Verify(string what, long blocksDone, long trials, bool complete, MonteCarloOptions options, bool stoppedEarly = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        long shardBlocks = options.Shard.BlockCount(options.TotalBlocks);
        if (blocksDone < 0 || blocksDone > shardBlocks)
            throw new ArgumentException($"{what} claims {blocksDone} blocks of the shard's {shardBlocks}");
        long expected = options.TrialsInShardBlocks(blocksDone);
        if (trials != expected)
            throw new ArgumentException($"{what} has {trials} trials, but its {blocksDone} blocks hold {expected}");
        if (complete && blocksDone != shardBlocks && !stoppedEarly)
            throw new ArgumentException($"{what} is marked complete after {blocksDone} of {shardBlocks} blocks");
    }
}
