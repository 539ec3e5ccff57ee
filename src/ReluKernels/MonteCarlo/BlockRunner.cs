namespace ReluKernels.MonteCarlo;

/// <summary>
/// The reproducible parallel loop under every Monte-Carlo experiment (docs/monte-carlo.md#reproducibility-contract). Trials are cut into blocks of
/// <see cref="MonteCarloOptions.BlockSize"/>; block b draws from its own counter-based stream (seed, b), so its tally
/// depends on nothing else. Worker threads take blocks one after another (<see cref="OrderedBlockPipeline{TWorker, TTally}"/>)
/// while the calling thread adds their tallies to the total in block order, so the total — even a floating-point sum — is
/// identical for any thread count, shard split, ISA path or interruption.
/// </summary>
public static class BlockRunner
{
    /// <summary>
    /// Adds the shard's blocks from <paramref name="blocksDone"/> on into <paramref name="total"/>, until all are done,
    /// <paramref name="stop"/> says so (checked after every block, in block order) or <paramref name="cancellation"/> fires.
    /// </summary>
    /// <param name="options">Trials, seed, threads, shard and block size (validated here).</param>
    /// <param name="total">The running total (e.g. from a checkpoint); updated in place.</param>
    /// <param name="blocksDone">Blocks of the shard already in <paramref name="total"/>.</param>
    /// <param name="newWorker">Creates one thread's scratch state.</param>
    /// <param name="newTally">Creates an empty block tally.</param>
    /// <param name="work">Runs one block.</param>
    /// <param name="stop">Optional early stop on the running total (e.g. a target interval width).</param>
    /// <param name="afterRound">Told the blocks done after every batch of blocks added (progress, checkpoints).</param>
    /// <param name="cancellation">Stops between blocks; blocks running or finished but not yet added are discarded, never half-added.</param>
    /// <returns>The shard's blocks now in <paramref name="total"/>, and whether the run is finished.</returns>
    public static (long BlocksDone, bool Complete) Run<TWorker, TTally>(MonteCarloOptions options, TTally total, long blocksDone,
        Func<TWorker> newWorker, Func<TTally> newTally, BlockWork<TWorker, TTally> work, Func<TTally, bool>? stop = null,
        Action<long>? afterRound = null, CancellationToken cancellation = default)
        where TTally : IBlockTally<TTally>
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        long shardBlocks = options.Shard.BlockCount(options.TotalBlocks);
        bool Stopped() => stop is not null && total.Trials > 0 && stop(total);
        long done = blocksDone;
        if (done >= shardBlocks || Stopped())
            return (done, true);
        if (cancellation.IsCancellationRequested)
            return (done, false);
        new OrderedBlockPipeline<TWorker, TTally>(options, done, shardBlocks - done, newTally).Run(newWorker, work,
            blockTally =>
            {
                total.Add(blockTally);
                done++;
                return !Stopped();
            },
            () => afterRound?.Invoke(done), cancellation);
        return (done, done == shardBlocks || Stopped());
    }

    /// <summary>
    /// Runs every block of <paramref name="options"/> into a new total: the whole of a simple experiment that needs no
    /// checkpoints or early stop.
    /// </summary>
    /// <returns>The total over all blocks.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired before the end.</exception>
    public static TTally RunAll<TWorker, TTally>(MonteCarloOptions options, Func<TWorker> newWorker, Func<TTally> newTally,
        BlockWork<TWorker, TTally> work, Action<long>? afterRound = null, CancellationToken cancellation = default)
        where TTally : IBlockTally<TTally>
    {
        ArgumentNullException.ThrowIfNull(newTally);
        var total = newTally();
        var (_, complete) = Run(options, total, 0, newWorker, newTally, work, afterRound: afterRound, cancellation: cancellation);
        if (!complete)
            throw new OperationCanceledException(cancellation);
        return total;
    }
}
