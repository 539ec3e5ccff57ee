using System.Diagnostics;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Sampling;

/// <summary>
/// Runs (or resumes) one tally run per experiment, in order, saving a checkpoint every 2 s and at the end when
/// <paramref name="save"/> is given. Blocks are added whole and in order, so an interrupted and resumed run counts exactly
/// what an uninterrupted one does.
/// </summary>
/// <typeparam name="TTally">The experiments' tally.</typeparam>
/// <param name="options">Trials, seed, threads, shard and block size.</param>
/// <param name="save">Writes the checkpoint of the runs so far; null for no checkpoint.</param>
public sealed class TallyGridRunner<TTally>(MonteCarloOptions options, Action<IReadOnlyList<TallyRun<TTally>>>? save)
    where TTally : IBlockTally<TTally>
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

    /// <summary>Continues every run of <paramref name="start"/> with its entry of <paramref name="continuations"/>; <paramref name="progress"/> receives (trials done, trials planned).</summary>
    /// <returns>The runs, complete unless <paramref name="cancellation"/> fired.</returns>
    public IReadOnlyList<TallyRun<TTally>> Run(IReadOnlyList<TallyRun<TTally>> start, IReadOnlyList<ContinueRun<TTally>> continuations,
        Action<long, long>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(continuations);
        var runs = start.ToList();
        long shardBlocks = options.Shard.BlockCount(options.TotalBlocks);
        long planned = options.TrialsInShardBlocks(shardBlocks) * runs.Count;
        var sinceSave = Stopwatch.StartNew();
        for (int i = 0; i < runs.Count && !cancellation.IsCancellationRequested; i++)
        {
            if (runs[i].Complete)
                continue;
            int index = i;
            var (done, complete) = continuations[i](runs[i].Tally, runs[i].BlocksDone, blocks =>
            {
                runs[index] = runs[index] with { BlocksDone = blocks, Complete = blocks == shardBlocks };
                progress?.Invoke(runs.Sum(r => r.Tally.Trials), planned);
                if (save is not null && sinceSave.Elapsed >= CheckpointInterval)
                {
                    save(runs);
                    sinceSave.Restart();
                }
            }, cancellation);
            runs[i] = runs[i] with { BlocksDone = done, Complete = complete };
        }
        save?.Invoke(runs);
        return runs;
    }

    /// <summary>
    /// The runs stored in checkpoint <paramref name="path"/> if it exists (loaded by <paramref name="load"/>, which verifies
    /// it, and refused unless made with exactly <paramref name="arguments"/> for this shard), else null.
    /// </summary>
    /// <exception cref="UsageException">The checkpoint is invalid or was made with other arguments.</exception>
    public IReadOnlyList<TallyRun<TTally>>? Resume<TConfig>(string? path, IReadOnlyDictionary<string, string> arguments,
        Func<string, State.LoadedState<TConfig, TallyRun<TTally>>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (path is null || !File.Exists(path))
            return null;
        var file = load(path);
        State.StateArguments.RefuseOtherRun(path, file.Arguments, file.Shard, arguments, options.Shard);
        return file.Runs;
    }
}
