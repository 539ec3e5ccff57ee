using ReluKernels.Cli.Output;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;
using ReluKernels.Statistics;

namespace ReluKernels.Cli.Collapse;

/// <summary>One width's run as stored: its engine, how many of the shard's blocks it counts, and the counts.</summary>
/// <param name="Width">The width (the experiment's other settings are the file's arguments).</param>
/// <param name="Engine">The engine that produced the counts.</param>
/// <param name="Trials">Networks counted.</param>
/// <param name="BlocksDone">The shard's first blocks counted.</param>
/// <param name="Complete">Whether the run finished (all blocks, or the target half-width reached).</param>
/// <param name="FirstDeadLayer">Per layer l = 1..depth (entry l − 1), networks first identically zero at l.</param>
/// <param name="ZeroAtProbeByDepth">Per depth d = 1..depth (entry d − 1), networks zero at the probe at layer d.</param>
public sealed record CollapseRunState(int Width, EngineKind Engine, long Trials, long BlocksDone, bool Complete, long[] FirstDeadLayer, long[] ZeroAtProbeByDepth)
{
    /// <summary>The stored form of <paramref name="run"/>.</summary>
    public static CollapseRunState Of(CollapseRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Experiment.Width, run.Engine, run.Tally.Trials, run.BlocksDone, run.Complete,
            run.Tally.FirstDeadLayer[1..].ToArray(), run.Tally.ZeroAtProbeByDepth());
    }
}

/// <summary>The payload of a collapse state file: one run per width, in the order of the <c>widths</c> argument.</summary>
/// <param name="Runs">The runs.</param>
public sealed record CollapseStatePayload(IReadOnlyList<CollapseRunState> Runs);

/// <summary>
/// Checkpoints and shard results of the commands that run collapse runs (<c>collapse</c>, <c>safe-depth</c>; the
/// <see cref="StateFile"/> envelope). Loading checks, beyond the envelope's checksum, everything the counts must satisfy on
/// their own, so an edit with a recomputed checksum is still refused unless the counts stay self-consistent (docs/reliability.md).
/// </summary>
public static class CollapseStateFile
{
    /// <summary>Writes the state of <paramref name="runs"/> atomically.</summary>
    public static void Save<TConfig>(string path, TConfig config, Shard shard, IEnumerable<CollapseRun> runs) where TConfig : class, ICollapseGridConfig<TConfig> =>
        StateFile.Save(path, config, shard, Payload(runs));

    /// <summary>The stored form of <paramref name="runs"/>.</summary>
    public static CollapseStatePayload Payload(IEnumerable<CollapseRun> runs) => new([.. runs.Select(CollapseRunState.Of)]);

    /// <summary>Reads and verifies a state file of <typeparamref name="TConfig"/>'s command.</summary>
    /// <exception cref="UsageException">The file is unreadable, foreign, modified or inconsistent (one line naming it and the problem).</exception>
    public static LoadedState<TConfig, CollapseRun> Load<TConfig>(string path) where TConfig : class, ICollapseGridConfig<TConfig> =>
        StateFile.Load<CollapseStatePayload, TConfig, CollapseRun>(path, (config, options, payload) =>
        {
            var experiments = config.Experiments();
            if (payload.Runs.Count != experiments.Count)
                throw new ArgumentException($"it holds {payload.Runs.Count} runs for {experiments.Count} widths");
            return [.. experiments.Select((e, i) => Verify(payload.Runs[i], e, config.Engine, options))];
        }, run => run.Complete);

    /// <summary>The run <paramref name="state"/> stores, if it is one that <paramref name="options"/> could have produced.</summary>
    private static CollapseRun Verify(CollapseRunState state, CollapseExperiment experiment, EngineKind requested, MonteCarloOptions options)
    {
        if (state.Width != experiment.Width)
            throw new ArgumentException($"a run of width {state.Width} stands where width {experiment.Width} belongs");
        var engine = CollapseRun.Start(experiment, requested).Engine;
        if (state.Engine != engine)
            throw new ArgumentException($"width {state.Width} was counted by engine {state.Engine}, but these arguments run {engine}");
        if (state.FirstDeadLayer.Length != experiment.Depth)
            throw new ArgumentException($"width {state.Width} has counts for {state.FirstDeadLayer.Length} layers, not {experiment.Depth}");
        var tally = CollapseTally.FromCounts(state.Trials, state.FirstDeadLayer, state.ZeroAtProbeByDepth);
        bool reachedTarget = options.TargetHalfWidth is { } h && tally.Trials > 0 && WilsonInterval.Of(tally.Collapsed, tally.Trials).HalfWidth <= h;
        BlockProgress.Verify($"width {state.Width}", state.BlocksDone, state.Trials, state.Complete, options, stoppedEarly: reachedTarget);
        return new CollapseRun(experiment, engine, tally, state.BlocksDone, state.Complete);
    }
}
