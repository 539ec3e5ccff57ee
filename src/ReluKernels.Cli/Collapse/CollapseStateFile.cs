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

/// <summary>A loaded and verified collapse state file.</summary>
/// <param name="Path">Where it was read.</param>
/// <param name="Arguments">Its canonical arguments.</param>
/// <param name="Config">The same, typed.</param>
/// <param name="Shard">The shard it counts.</param>
/// <param name="Runs">One run per width, each consistent with the arguments and the shard.</param>
/// <param name="Provenance">How it was made.</param>
public sealed record CollapseState(string Path, IReadOnlyDictionary<string, string> Arguments, CollapseRunConfig Config, Shard Shard,
    IReadOnlyList<CollapseRun> Runs, Provenance Provenance);

/// <summary>
/// Checkpoints and shard results of <c>collapse</c> (<see cref="StateFile"/> envelope). Loading checks, beyond the
/// envelope's checksum, everything the counts must satisfy on their own, so an edit with a recomputed checksum is still
/// refused unless the counts stay self-consistent (docs/reliability.md).
/// </summary>
public static class CollapseStateFile
{
    /// <summary>The command name in the envelope.</summary>
    public const string Command = "collapse";

    /// <summary>Writes the state of <paramref name="runs"/> atomically.</summary>
    public static void Save(string path, CollapseRunConfig config, Shard shard, IEnumerable<CollapseRun> runs)
    {
        ArgumentNullException.ThrowIfNull(config);
        StateFile.Save(path, Command, config.ToArguments(), new StateShard(shard.Index, shard.Count),
            new CollapseStatePayload([.. runs.Select(CollapseRunState.Of)]));
    }

    /// <summary>Reads and verifies a state file.</summary>
    /// <exception cref="UsageException">The file is unreadable, foreign, modified or inconsistent (one line naming it and the problem).</exception>
    public static CollapseState Load(string path)
    {
        var envelope = StateFile.Load<CollapseStatePayload>(path, Command);
        try
        {
            var config = CollapseRunConfig.FromArguments(envelope.Arguments)
                ?? throw new ArgumentException("its arguments are not those of a collapse run");
            var shard = new Shard(envelope.Shard.Index, envelope.Shard.Count);
            var options = config.Options(shard);
            options.Validate();
            var experiments = config.Experiments();
            if (envelope.Payload.Runs.Count != experiments.Count)
                throw new ArgumentException($"it holds {envelope.Payload.Runs.Count} runs for {experiments.Count} widths");
            var runs = experiments.Select((e, i) => Verify(envelope.Payload.Runs[i], e, config.Engine, options)).ToList();
            return new CollapseState(path, envelope.Arguments, config, shard, runs, envelope.Provenance);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"'{path}' is inconsistent: {ex.Message.TrimEnd('.')}");
        }
    }

    /// <summary>The run <paramref name="state"/> stores, if it is one that <paramref name="options"/> could have produced.</summary>
    private static CollapseRun Verify(CollapseRunState state, CollapseExperiment experiment, EngineKind requested, MonteCarloOptions options)
    {
        if (state.Width != experiment.Width)
            throw new ArgumentException($"a run of width {state.Width} stands where width {experiment.Width} belongs");
        var engine = CollapseRun.Start(experiment, requested).Engine;
        if (state.Engine != engine)
            throw new ArgumentException($"width {state.Width} was counted by engine {state.Engine}, but these arguments run {engine}");
        long shardBlocks = options.Shard.BlockCount(options.TotalBlocks);
        if (state.BlocksDone < 0 || state.BlocksDone > shardBlocks)
            throw new ArgumentException($"width {state.Width} claims {state.BlocksDone} blocks of the shard's {shardBlocks}");
        // Blocks are added whole and in order (also when the target half-width stops a run), so the trials are fixed by the block count.
        long expected = options.TrialsInShardBlocks(state.BlocksDone);
        if (state.Trials != expected)
            throw new ArgumentException($"width {state.Width} has {state.Trials} trials, but its {state.BlocksDone} blocks hold {expected}");
        if (state.FirstDeadLayer.Length != experiment.Depth)
            throw new ArgumentException($"width {state.Width} has counts for {state.FirstDeadLayer.Length} layers, not {experiment.Depth}");
        var tally = CollapseTally.FromCounts(state.Trials, state.FirstDeadLayer, state.ZeroAtProbeByDepth);
        bool reachedTarget = options.TargetHalfWidth is { } h && tally.Trials > 0 && WilsonInterval.Of(tally.Collapsed, tally.Trials).HalfWidth <= h;
        if (state.Complete && state.BlocksDone != shardBlocks && !reachedTarget)
            throw new ArgumentException($"width {state.Width} is marked complete after {state.BlocksDone} of {shardBlocks} blocks");
        return new CollapseRun(experiment, engine, tally, state.BlocksDone, state.Complete);
    }
}
