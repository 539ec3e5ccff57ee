using System.Text.Json;
using ReluKernels.Cli.Output;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.Collapse;

/// <summary>The run settings that must match for counts to be resumed or merged.</summary>
/// <param name="Seed">Seed of every block stream.</param>
/// <param name="Trials">Trials requested per width (the cap with a target half-width).</param>
/// <param name="TargetHalfWidth">The stopping half-width, if any.</param>
/// <param name="BlockSize">Trials per block.</param>
/// <param name="ShardIndex">This file's shard k.</param>
/// <param name="ShardCount">Shards n.</param>
public sealed record CollapseRunConfig(ulong Seed, long Trials, double? TargetHalfWidth, int BlockSize, int ShardIndex, int ShardCount)
{
    /// <summary>The config of <paramref name="options"/>.</summary>
    public static CollapseRunConfig Of(MonteCarloOptions options) =>
        new(options.Seed, options.Trials, options.TargetHalfWidth, options.BlockSize, options.Shard.Index, options.Shard.Count);
}

/// <summary>One width's run as stored: the experiment (at its deepest depth), the engine and the counts.</summary>
public sealed record CollapseRunState(
    int Width, int Depth, WeightDistribution Weights, double BiasStd, double Radius, double Probe, EngineKind Engine,
    long Trials, long[] FirstDeadLayer, long[] ZeroAtProbeByDepth, long BlocksDone, bool Complete)
{
    /// <summary>The stored form of <paramref name="run"/>.</summary>
    public static CollapseRunState Of(CollapseRun run)
    {
        var e = run.Experiment;
        return new(e.Width, e.Depth, e.Weights, e.BiasStd, e.Radius, e.Probe, run.Engine, run.Tally.Trials,
            run.Tally.FirstDeadLayer[1..].ToArray(), run.Tally.ZeroAtProbeByDepth(), run.BlocksDone, run.Complete);
    }

    /// <summary>The experiment this state counts.</summary>
    public CollapseExperiment Experiment() => new(Width, Depth, Weights, BiasStd, Radius, Probe);

    /// <summary>Back to a run (validates every count).</summary>
    public CollapseRun ToRun() =>
        new(Experiment(), Engine, CollapseTally.FromCounts(Trials, FirstDeadLayer, ZeroAtProbeByDepth), BlocksDone, Complete);
}

/// <summary>
/// A checkpoint or a shard's result: the run config and one state per width. Written atomically; read back with every
/// field checked, so a truncated, foreign or inconsistent file is refused with one clear message.
/// </summary>
/// <param name="Kind">Always <see cref="CollapseKind"/>.</param>
/// <param name="Version">Format version.</param>
/// <param name="Config">The settings the counts depend on.</param>
/// <param name="Depths">The depths the run reports (each width runs at the deepest).</param>
/// <param name="Runs">One state per width.</param>
public sealed record CollapseStateFile(string Kind, int Version, CollapseRunConfig Config, int[] Depths, IReadOnlyList<CollapseRunState> Runs)
{
    /// <summary>The <see cref="Kind"/> of collapse state files.</summary>
    public const string CollapseKind = "relukernels-collapse-state";

    /// <summary>The current format version.</summary>
    public const int CurrentVersion = 1;

    /// <summary>A state file for <paramref name="config"/>.</summary>
    public static CollapseStateFile Create(CollapseRunConfig config, IReadOnlyList<int> depths, IEnumerable<CollapseRun> runs) =>
        new(CollapseKind, CurrentVersion, config, [.. depths], [.. runs.Select(CollapseRunState.Of)]);

    /// <summary>Writes the file atomically.</summary>
    public void Save(string path) => AtomicFile.WriteText(path, Json.Serialize(this));

    /// <summary>Reads and validates a state file.</summary>
    /// <exception cref="UsageException">The file is missing, a directory, unreadable, not a collapse state file, or inconsistent.</exception>
    public static CollapseStateFile Load(string path)
    {
        CollapseStateFile? file;
        if (Directory.Exists(path))
            throw new UsageException($"'{path}' is a directory, not a collapse state file");
        try
        {
            file = JsonSerializer.Deserialize<CollapseStateFile>(File.ReadAllText(path), Json.Options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            throw new UsageException($"cannot read '{path}': {ex.Message}");
        }
        if (file is null || file.Kind != CollapseKind || file.Config is null || file.Runs is null || file.Depths is null)
            throw new UsageException($"'{path}' is not a relukernels collapse state file");
        if (file.Version != CurrentVersion)
            throw new UsageException($"'{path}' has format version {file.Version}; this build reads version {CurrentVersion}");
        try
        {
            _ = new Shard(file.Config.ShardIndex, file.Config.ShardCount);
            foreach (var run in file.Runs)
                if (file.Depths.Any(d => d < 1 || d > run.ToRun().Experiment.Depth))
                    throw new ArgumentException($"a reported depth exceeds the simulated depth {run.Depth}");
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"'{path}' is inconsistent: {ex.Message}");
        }
        return file;
    }
}
