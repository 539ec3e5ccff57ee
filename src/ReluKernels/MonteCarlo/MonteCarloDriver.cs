using ReluKernels.Statistics;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Runs a collapse cell over all cores through <see cref="BlockRunner"/>: block b draws from its own stream (seed, b),
/// so the counts are identical for any thread count, shard split, ISA path or interruption. After each round of blocks
/// <c>afterRound</c> is told the run's state (to checkpoint or show progress).
/// </summary>
public static class MonteCarloDriver
{
    /// <summary>Continues <paramref name="run"/> (from <see cref="CollapseRun.Start"/> or a checkpoint) to completion or cancellation.</summary>
    /// <returns>The final state; <see cref="CollapseRun.Complete"/> is false only if cancelled.</returns>
    public static CollapseRun Run(CollapseRun run, MonteCarloOptions options, Action<CollapseRun>? afterRound = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (run.Complete)
            return run;
        var tally = run.Tally;
        long shardBlocks = options.Shard.BlockCount(options.TotalBlocks);
        bool ReachedTarget(CollapseTally t) =>
            options.TargetHalfWidth is { } target && WilsonInterval.Of(t.Collapsed, t.Trials).HalfWidth <= target;

        var (done, complete) = BlockRunner.Run(options, tally, run.BlocksDone,
            () => CollapseEngines.Create(run.Engine, run.Experiment),
            () => new CollapseTally(run.Experiment.Depth),
            static (engine, ref rng, trials, blockTally) => engine.Run(ref rng, trials, blockTally),
            ReachedTarget,
            blocks => afterRound?.Invoke(run with
            {
                BlocksDone = blocks,
                Complete = blocks == shardBlocks || (tally.Trials > 0 && ReachedTarget(tally)),
            }),
            cancellation);
        return run with { BlocksDone = done, Complete = complete };
    }
}
