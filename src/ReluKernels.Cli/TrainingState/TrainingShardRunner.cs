using System.Collections.Concurrent;
using System.Diagnostics;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.State;
using ReluKernels.Experiments.Training;
using ReluKernels.MonteCarlo;
using ReluKernels.Training;

namespace ReluKernels.Cli.TrainingState;

/// <summary>What a training command's command line asks for beyond its plan.</summary>
/// <param name="Shard">The shard to train (runs r with r mod n = k of every cell).</param>
/// <param name="Checkpoint">The checkpoint file, or null.</param>
/// <param name="Output">Where the results go.</param>
public sealed record TrainingRequest(Shard Shard, string? Checkpoint, TrainingOutput Output);

/// <summary>
/// Runs a <see cref="TrainingPlan"/>: trains the shard's runs of every cell not already in the checkpoint, saving the
/// checkpoint atomically every 2 s and when stopped, then writes the results — or, for a shard, only its shard file
/// <c>{command}.shard-k-of-n.json</c>. Runs depend only on (seed, r), so the results equal an uninterrupted, unsharded run's.
/// </summary>
public static class TrainingShardRunner
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

    /// <summary>The name of shard <paramref name="shard"/>'s result file of <paramref name="command"/>.</summary>
    public static string ShardFileName(string command, Shard shard) => $"{command}.shard-{shard.Index}-of-{shard.Count}.json";

    /// <summary>Runs the plan and writes its outputs; returns the exit code.</summary>
    /// <exception cref="UsageException">The checkpoint is invalid or was made with other arguments.</exception>
    public static int Run(TrainingPlan plan, TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        var shard = request.Shard;
        var done = plan.Cells.Select(_ => new ConcurrentDictionary<int, TrainingRunState>()).ToArray();
        var kernels = new string?[plan.Cells.Count];
        var trained = plan.Cells.Select(_ => new Dictionary<int, TrainingRun<float>>()).ToArray();
        if (request.Checkpoint is { } checkpoint && File.Exists(checkpoint))
        {
            var resumed = LoadCheckpoint(checkpoint, plan, shard);
            for (int c = 0; c < kernels.Length; c++)
            {
                kernels[c] = resumed.Runs[c].Kernel.Length > 0 ? resumed.Runs[c].Kernel : null;
                foreach (var run in resumed.Runs[c].Runs)
                    done[c][run.Run] = run;
            }
        }
        long planned = plan.Cells.Sum(c => (long)TrainingStateFile.ShardRuns(c, shard).Count);
        using var interrupt = new Interrupt();
        var gate = new Lock();
        var sinceSave = Stopwatch.StartNew();
        void Save()
        {
            if (request.Checkpoint is not null)
                TrainingStateFile.Save(request.Checkpoint, plan, shard, Snapshot(plan, kernels, done));
        }
        try
        {
            ProgressDisplay.Run(plan.Command, interrupt, progress =>
            {
                for (int c = 0; c < plan.Cells.Count && !interrupt.Token.IsCancellationRequested; c++)
                {
                    var cell = plan.Cells[c];
                    int[] todo = [.. TrainingStateFile.ShardRuns(cell, shard).Where(r => !done[c].ContainsKey(r))];
                    if (todo.Length == 0 && kernels[c] is not null)
                        continue;
                    long before = done.Sum(d => (long)d.Count);
                    var cellDone = done[c];
                    var report = progress is null ? null : new CallbackProgress<int>(n => progress(before + n, planned));
                    var batch = cell.Train(todo, report, run =>
                    {
                        cellDone[run.Index] = TrainingRunState.Of(run);
                        if (request.Checkpoint is not null && sinceSave.Elapsed >= CheckpointInterval && gate.TryEnter())
                        {
                            try
                            {
                                Save();
                                sinceSave.Restart();
                            }
                            finally
                            {
                                gate.Exit();
                            }
                        }
                    }, interrupt.Token);
                    kernels[c] = batch.Kernel;
                    foreach (var run in batch.Runs)
                        trained[c][run.Index] = run;
                }
                return 0;
            });
        }
        catch (OperationCanceledException)
        {
        }
        lock (gate)
            Save();
        if (interrupt.Token.IsCancellationRequested)
        {
            return interrupt.Report(request.Checkpoint is null ? "rerun with --checkpoint FILE to make runs resumable" : $"resume with the same command (checkpoint {request.Checkpoint})");
        }
        var cells = Snapshot(plan, kernels, done);
        if (!shard.IsWhole)
        {
            // A shard's runs are part of a result: it writes only its state file, so array tasks sharing one --out never
            // overwrite each other's results, and nothing partial can be mistaken for the answer.
            string path = Path.Combine(request.Output.OutDirectory, ShardFileName(plan.Command, shard));
            TrainingStateFile.Save(path, plan, shard, cells);
            Console.Out.WriteLine($"Wrote {path} (shard {shard}: part of the runs).");
            Console.Out.WriteLine($"When all {shard.Count} shards are done: relukernels merge "
                + $"{Provenance.Quote(Path.Combine(request.Output.OutDirectory, $"{plan.Command}.shard-"))}*{Provenance.Quote($"-of-{shard.Count}.json")} --out DIR");
            return ExitCodes.Success;
        }
        plan.Write([.. cells.Select((cell, c) => new TrainingBatch(cell.Kernel, AllRuns(plan.Cells[c], cell.Runs, trained[c])))], request.Output);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Every run of a cell in run order: those trained by this process as they are, the ones resumed from a checkpoint rebuilt
    /// (<see cref="TrainingStateFile.Restore"/> gives exactly the run the training returned). Rebuilding redraws and reclassifies
    /// both networks, which cost as much as a short training; doing it only for resumed runs halves the classification.
    /// </summary>
    private static TrainingRun<float>[] AllRuns(TrainingCell cell, IReadOnlyList<TrainingRunState> stored, Dictionary<int, TrainingRun<float>> trained)
    {
        var resumed = TrainingStateFile.Restore(cell, stored.Where(s => !trained.ContainsKey(s.Run))).ToDictionary(run => run.Index);
        return [.. stored.Select(s => trained.TryGetValue(s.Run, out var run) ? run : resumed[s.Run])];
    }

    /// <summary>The checkpoint to resume from; it must have been made with exactly this run's arguments and shard.</summary>
    private static LoadedState<TrainingPlan, TrainingCellState> LoadCheckpoint(string path, TrainingPlan plan, Shard shard)
    {
        // The arguments first: a checkpoint of another run should be named as such, not as inconsistent with this one.
        static Dictionary<string, string> WithShard(IReadOnlyDictionary<string, string> arguments, string shard) => new(arguments) { ["shard"] = shard };
        var state = TrainingStateFile.Load(path, plan.Command, arguments =>
        {
            var (stored, current) = StateArguments.Differences(arguments, plan.Arguments);
            return stored.Length > 0 ? throw new UsageException($"checkpoint '{path}' was made with {stored}; this run has {current}") : plan;
        });
        var (storedShard, currentShard) = StateArguments.Differences(WithShard(state.Arguments, state.Shard.ToString()), WithShard(plan.Arguments, shard.ToString()));
        if (storedShard.Length > 0)
            throw new UsageException($"checkpoint '{path}' was made with {storedShard}; this run has {currentShard}");
        return state;
    }

    private static TrainingCellState[] Snapshot(TrainingPlan plan, string?[] kernels, ConcurrentDictionary<int, TrainingRunState>[] done) =>
        [.. plan.Cells.Select((cell, c) => new TrainingCellState(cell.Name, kernels[c] ?? "", [.. done[c].Values.OrderBy(r => r.Run)]))];
}
