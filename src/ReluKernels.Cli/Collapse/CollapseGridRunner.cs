using System.Diagnostics;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.Collapse;

/// <summary>
/// Runs one Monte-Carlo run per width at the deepest requested depth (every shallower depth is read off the same
/// networks), resuming from and saving to an optional checkpoint.
/// </summary>
public sealed class CollapseGridRunner(MonteCarloOptions options, IReadOnlyList<int> depths, string? checkpointPath)
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs (or resumes) every experiment; <paramref name="progress"/> receives (trials done, trials planned).</summary>
    /// <returns>The runs, complete unless <paramref name="cancellation"/> fired.</returns>
    public IReadOnlyList<CollapseRun> Run(IReadOnlyList<CollapseExperiment> experiments, EngineKind engine,
        Action<long, long>? progress, CancellationToken cancellation)
    {
        var config = CollapseRunConfig.Of(options);
        var checkpoint = LoadCheckpoint(config);
        var runs = experiments.Select(e => Resume(checkpoint, e, engine)).ToList();
        long shardTrials = ShardTrials();
        long planned = shardTrials * runs.Count;
        var sinceSave = Stopwatch.StartNew();
        for (int i = 0; i < runs.Count && !cancellation.IsCancellationRequested; i++)
        {
            int index = i;
            long before = TrialsOfEarlierRuns(runs, index, shardTrials);
            runs[i] = MonteCarloDriver.Run(runs[i], options, run =>
            {
                runs[index] = run;
                progress?.Invoke(before + run.Tally.Trials, planned);
                if (checkpointPath is not null && sinceSave.Elapsed >= CheckpointInterval)
                {
                    Save(config, runs);
                    sinceSave.Restart();
                }
            }, cancellation);
        }
        if (checkpointPath is not null)
            Save(config, runs);
        return runs;
    }

    /// <summary>The checkpoint to resume from, if one exists; it must belong to this run's config.</summary>
    private CollapseStateFile? LoadCheckpoint(CollapseRunConfig config)
    {
        if (checkpointPath is null || !File.Exists(checkpointPath))
            return null;
        var file = CollapseStateFile.Load(checkpointPath);
        if (file.Config != config)
            throw new UsageException($"checkpoint '{checkpointPath}' belongs to another run ({Describe(file.Config)}; this run: {Describe(config)})");
        return file;
    }

    private static CollapseRun Resume(CollapseStateFile? checkpoint, CollapseExperiment experiment, EngineKind engine)
    {
        var fresh = CollapseRun.Start(experiment, engine);
        var stored = checkpoint?.Runs.FirstOrDefault(r => r.Experiment() == experiment && r.Engine == fresh.Engine);
        return stored?.ToRun() ?? fresh;
    }

    private void Save(CollapseRunConfig config, IEnumerable<CollapseRun> runs) =>
        CollapseStateFile.Create(config, depths, runs).Save(checkpointPath!);

    private long ShardTrials()
    {
        long blocks = options.Shard.BlockCount(options.TotalBlocks), trials = 0;
        for (long b = 0; b < blocks; b++)
            trials += options.TrialsInBlock(options.Shard.BlockAt(b));
        return trials;
    }

    private static long TrialsOfEarlierRuns(List<CollapseRun> runs, int index, long shardTrials) =>
        runs.Take(index).Sum(r => r.Complete ? shardTrials : r.Tally.Trials);

    private static string Describe(CollapseRunConfig c) =>
        $"seed {c.Seed}, {c.Trials} trials, half-width {c.TargetHalfWidth?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, block {c.BlockSize}, shard {c.ShardIndex}/{c.ShardCount}";
}
