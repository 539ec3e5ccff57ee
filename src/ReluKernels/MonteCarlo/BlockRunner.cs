using System.Collections.Concurrent;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// The reproducible parallel loop under every Monte-Carlo experiment (docs/monte-carlo.md#reproducibility-contract). Trials are cut into blocks of
/// <see cref="MonteCarloOptions.BlockSize"/>; block b draws from its own counter-based stream (seed, b), so its tally
/// depends on nothing else. Blocks run in rounds of 4 × threads; after a round their tallies are added to the total in
/// block order, so the total — even a floating-point sum — is identical for any thread count, shard split, ISA path or
/// interruption.
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
    /// <param name="afterRound">Told the blocks done after every round (progress, checkpoints).</param>
    /// <param name="cancellation">Stops between rounds; the blocks of an interrupted round are discarded, never half-added.</param>
    /// <returns>The shard's blocks now in <paramref name="total"/>, and whether the run is finished.</returns>
    public static (long BlocksDone, bool Complete) Run<TWorker, TTally>(MonteCarloOptions options, TTally total, long blocksDone,
        Func<TWorker> newWorker, Func<TTally> newTally, BlockWork<TWorker, TTally> work, Func<TTally, bool>? stop = null,
        Action<long>? afterRound = null, CancellationToken cancellation = default)
        where TTally : IBlockTally<TTally>
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        long shardBlocks = options.Shard.BlockCount(options.TotalBlocks);
        int roundBlocks = 4 * options.Threads;
        var workers = new ConcurrentBag<TWorker>();
        var blockTallies = new TTally[roundBlocks];
        for (int i = 0; i < roundBlocks; i++)
            blockTallies[i] = newTally();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellation };

        bool Stopped() => stop is not null && total.Trials > 0 && stop(total);
        long done = blocksDone;
        while (done < shardBlocks && !Stopped())
        {
            if (cancellation.IsCancellationRequested)
                return (done, false);
            int count = (int)Math.Min(roundBlocks, shardBlocks - done);
            long first = done;
            try
            {
                Parallel.For(0, count, parallel, () => workers.TryTake(out var w) ? w : newWorker(), (i, _, worker) =>
                {
                    long block = options.Shard.BlockAt(first + i);
                    var rng = new CounterRng(options.Seed, (ulong)block);
                    blockTallies[i].Clear();
                    work(worker, ref rng, options.TrialsInBlock(block), blockTallies[i]);
                    return worker;
                }, workers.Add);
            }
            catch (OperationCanceledException)
            {
                return (done, false);
            }
            for (int i = 0; i < count && !Stopped(); i++)
            {
                total.Add(blockTallies[i]);
                done++;
            }
            afterRound?.Invoke(done);
        }
        return (done, true);
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
