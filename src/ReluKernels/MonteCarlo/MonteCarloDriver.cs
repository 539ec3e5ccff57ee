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
        ArgumentNullException.ThrowIfNull(run);
        return Run(run, options, () => CollapseEngines.Create(run.Engine, run.Experiment), afterRound, cancellation);
    }

    /// <summary>
    /// Continues <paramref name="run"/> like <see cref="Run(CollapseRun, MonteCarloOptions, Action{CollapseRun}?, CancellationToken)"/>,
    /// but the weight-space engine runs the generated step of <typeparamref name="TNet"/> (a consumer's own shape); the
    /// counts are identical, and <see cref="CollapseRun.Code"/> names the shape. Other engines run as there.
    /// </summary>
    /// <typeparam name="TNet">A generated ReLU shape of the experiment's width.</typeparam>
    /// <returns>The final state; <see cref="CollapseRun.Complete"/> is false only if cancelled.</returns>
    /// <exception cref="ArgumentException">The run uses the weight-space engine and the shape's width is not the experiment's.</exception>
    public static CollapseRun Run<TNet>(CollapseRun run, MonteCarloOptions options, Action<CollapseRun>? afterRound = null,
        CancellationToken cancellation = default)
        where TNet : IWeightSpaceStep<TNet>
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Engine != EngineKind.WeightSpace)
            return Run(run, options, afterRound, cancellation);
        if (run.Experiment.Width != TNet.Architecture.Width)
            throw new ArgumentException($"{typeof(TNet).Name} has width {TNet.Architecture.Width}, the experiment {run.Experiment.Width}.", nameof(run));
        if (CollapseEngines.Unsupported(run.Engine, run.Experiment) is { } reason)
            throw new ArgumentException($"Cannot run this experiment: {reason}.", nameof(run));
        return Run(run with { Code = GeneratedWeightSpaceStepper<TNet>.Code }, options,
            () => new GeneratedWeightSpaceEngine<TNet>(run.Experiment), afterRound, cancellation);
    }

    private static CollapseRun Run(CollapseRun run, MonteCarloOptions options, Func<CollapseEngine> newEngine,
        Action<CollapseRun>? afterRound, CancellationToken cancellation)
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
            newEngine,
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
