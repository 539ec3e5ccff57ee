using System.Collections.Concurrent;
using ReluKernels.Statistics;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Runs a collapse cell over all cores. Work is cut into blocks of <see cref="MonteCarloOptions.BlockSize"/> trials;
/// block b draws from its own stream (seed, b) and its counts depend on nothing else, so the totals are identical for any
/// thread count, shard split, ISA path or interruption. Blocks run in rounds; after each round the counts are added in
/// block order and <c>afterRound</c> is told (to checkpoint or show progress).
/// </summary>
public static class MonteCarloDriver
{
    /// <summary>Continues <paramref name="run"/> (from <see cref="CollapseRun.Start"/> or a checkpoint) to completion or cancellation.</summary>
    /// <returns>The final state; <see cref="CollapseRun.Complete"/> is false only if cancelled.</returns>
    public static CollapseRun Run(CollapseRun run, MonteCarloOptions options, Action<CollapseRun>? afterRound = null,
        CancellationToken cancellation = default)
    {
        options.Validate();
        if (run.Complete)
            return run;
        long shardBlocks = options.Shard.BlockCount(options.TotalBlocks);
        int threads = options.Threads;
        int roundBlocks = 4 * threads;
        var engines = new ConcurrentBag<CollapseEngine>();
        for (int i = 0; i < threads; i++)
            engines.Add(CollapseEngines.Create(run.Engine, run.Experiment));
        var blockTallies = new CollapseTally[roundBlocks];
        for (int i = 0; i < roundBlocks; i++)
            blockTallies[i] = new CollapseTally(run.Experiment.Depth);

        var tally = run.Tally;
        long done = run.BlocksDone;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation };
        while (done < shardBlocks && !StopNow(tally, options))
        {
            if (cancellation.IsCancellationRequested)
                return run with { BlocksDone = done };
            int count = (int)Math.Min(roundBlocks, shardBlocks - done);
            long first = done;
            try
            {
                Parallel.For(0, count, parallel, () => Take(engines, run), (i, _, engine) =>
                {
                    long block = options.Shard.BlockAt(first + i);
                    var rng = new CounterRng(options.Seed, (ulong)block);
                    blockTallies[i].Clear();
                    engine.Run(ref rng, options.TrialsInBlock(block), blockTallies[i]);
                    return engine;
                }, engines.Add);
            }
            catch (OperationCanceledException)
            {
                return run with { BlocksDone = done };
            }
            // In block order, so a target half-width stops at the same block whatever the thread count.
            for (int i = 0; i < count && !StopNow(tally, options); i++)
            {
                tally.Add(blockTallies[i]);
                done++;
            }
            run = run with { BlocksDone = done, Complete = done == shardBlocks || StopNow(tally, options) };
            afterRound?.Invoke(run);
        }
        return run with { BlocksDone = done, Complete = true };
    }

    private static CollapseEngine Take(ConcurrentBag<CollapseEngine> engines, CollapseRun run) =>
        engines.TryTake(out var engine) ? engine : CollapseEngines.Create(run.Engine, run.Experiment);

    private static bool StopNow(CollapseTally tally, MonteCarloOptions options) =>
        options.TargetHalfWidth is { } target && tally.Trials > 0
        && WilsonInterval.Of(tally.Collapsed, tally.Trials).HalfWidth <= target;
}
