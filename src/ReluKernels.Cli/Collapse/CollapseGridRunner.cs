using System.Diagnostics;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.Collapse;

/// <summary>
/// Runs one Monte-Carlo run per width at the deepest requested depth (every shallower depth is read off the same
/// networks), resuming from and saving to an optional checkpoint.
/// </summary>
/// <typeparam name="TConfig">The command's config (its checkpoint's arguments).</typeparam>
public sealed class CollapseGridRunner<TConfig>(MonteCarloOptions options, CollapseCheckpoint<TConfig>? checkpoint) where TConfig : class, ICollapseGridConfig<TConfig>
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs (or resumes) every experiment; <paramref name="progress"/> receives (trials done, trials planned).</summary>
    /// <returns>The runs, complete unless <paramref name="cancellation"/> fired.</returns>
    /// <exception cref="UsageException">The checkpoint is invalid or was made with other arguments.</exception>
    public IReadOnlyList<CollapseRun> Run(IReadOnlyList<CollapseExperiment> experiments, EngineKind engine,
        Action<long, long>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        var resumed = LoadCheckpoint();
        var runs = resumed is null ? [.. experiments.Select(e => CollapseRun.Start(e, engine))] : resumed.Runs.ToList();
        long shardTrials = options.TrialsInShardBlocks(options.Shard.BlockCount(options.TotalBlocks));
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
                if (checkpoint is not null && sinceSave.Elapsed >= CheckpointInterval)
                {
                    Save(runs);
                    sinceSave.Restart();
                }
            }, cancellation);
        }
        if (checkpoint is not null)
            Save(runs);
        return runs;
    }

    /// <summary>The checkpoint to resume from, if one exists; it must have been made with exactly this run's arguments.</summary>
    private LoadedState<TConfig, CollapseRun>? LoadCheckpoint()
    {
        if (checkpoint is null || !File.Exists(checkpoint.Path))
            return null;
        var file = CollapseStateFile.Load<TConfig>(checkpoint.Path);
        StateArguments.RefuseOtherRun(checkpoint.Path, file.Arguments, file.Shard, checkpoint.Config.ToArguments(), options.Shard);
        return file;
    }

    private void Save(IEnumerable<CollapseRun> runs) => CollapseStateFile.Save(checkpoint!.Path, checkpoint.Config, options.Shard, runs);

    private static long TrialsOfEarlierRuns(List<CollapseRun> runs, int index, long shardTrials) =>
        runs.Take(index).Sum(r => r.Complete ? shardTrials : r.Tally.Trials);
}
