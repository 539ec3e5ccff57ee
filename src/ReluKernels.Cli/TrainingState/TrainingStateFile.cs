using ReluKernels.Cli.Output;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;
using ReluKernels.Training;

namespace ReluKernels.Cli.TrainingState;

/// <summary>
/// Checkpoints and shard results of the training commands (<see cref="StateFile"/> envelope, <see cref="TrainingStatePayload"/>).
/// Loading checks, beyond the envelope's checksum, everything a stored run must satisfy on its own (docs/reliability.md), so an
/// edit with a recomputed checksum is still refused unless the runs stay consistent with the arguments.
/// </summary>
public static class TrainingStateFile
{
    /// <summary>The runs of <paramref name="cell"/> that shard <paramref name="shard"/> trains: r with r mod n = k.</summary>
    public static IReadOnlyList<int> ShardRuns(TrainingCell cell, Shard shard)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return [.. Enumerable.Range(0, cell.Parallel.Runs).Where(r => r % shard.Count == shard.Index)];
    }

    /// <summary>Writes the finished runs of each cell atomically.</summary>
    public static void Save(string path, TrainingPlan plan, Shard shard, IReadOnlyList<TrainingCellState> cells)
    {
        ArgumentNullException.ThrowIfNull(plan);
        StateFile.Save(path, plan.Command, plan.Arguments, new StateShard(shard.Index, shard.Count), new TrainingStatePayload(cells));
    }

    /// <summary>
    /// Reads a state file of <paramref name="command"/> and verifies it against the plan its own arguments make: the result's
    /// config is that plan, its runs are the cells (each run of the shard at most once, by increasing index, consistent with
    /// the plan), and it is complete when every cell holds all the shard's runs.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="command">The command it must belong to.</param>
    /// <param name="planOf">The plan of a set of canonical arguments, or null when they are not a valid command line.</param>
    /// <exception cref="UsageException">The file is unreadable, foreign, modified or inconsistent (one line naming it and the problem).</exception>
    public static LoadedState<TrainingPlan, TrainingCellState> Load(string path, string command, Func<IReadOnlyDictionary<string, string>, TrainingPlan?> planOf)
    {
        ArgumentNullException.ThrowIfNull(planOf);
        var envelope = StateFile.Load<TrainingStatePayload>(path, command);
        var plan = planOf(envelope.Arguments) ?? throw new UsageException($"'{path}' is inconsistent: its arguments are not those of a {command} run");
        var shard = new Shard(envelope.Shard.Index, envelope.Shard.Count);
        try
        {
            var cells = envelope.Payload.Cells;
            if (cells.Count != plan.Cells.Count)
                throw new ArgumentException($"it holds {cells.Count} cells for {plan.Cells.Count}");
            for (int i = 0; i < cells.Count; i++)
                Verify(cells[i], plan.Cells[i], shard);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"'{path}' is inconsistent: {ex.Message.TrimEnd('.')}");
        }
        var cellsOf = envelope.Payload.Cells;
        bool complete = cellsOf.Select((c, i) => c.Runs.Count == ShardRuns(plan.Cells[i], shard).Count).All(x => x);
        return new(path, envelope.Arguments, plan, shard, cellsOf, complete, envelope.Provenance);
    }

    /// <summary>Rebuilds the runs of <paramref name="state"/> (initial parameters redrawn, outcomes reclassified).</summary>
    public static TrainingRun<float>[] Restore(TrainingCell cell, IEnumerable<TrainingRunState> state)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Rebuild is { } rebuild)
            return [.. state.Select(s => rebuild(s.Run, new TrainingResult(s.Status, s.Epochs, s.FinalLoss, s.GradientVanishedEpoch), s.FinalParameters,
                s.Losses is null ? null : LossHistory.FromLosses(cell.Parallel.HistoryInterval, cell.MaxEpochs, s.Losses)))];
        var initializer = cell.Initializer();
        var classifier = cell.Classifier();
        return [.. state.Select(s => ParallelTraining.Restore(cell.Architecture, initializer, cell.Parallel.Seed, s.Run,
            new TrainingResult(s.Status, s.Epochs, s.FinalLoss, s.GradientVanishedEpoch), s.FinalParameters,
            s.Losses is null ? null : LossHistory.FromLosses(cell.Parallel.HistoryInterval, cell.MaxEpochs, s.Losses), classifier))];
    }

    private static void Verify(TrainingCellState state, TrainingCell cell, Shard shard)
    {
        if (state.Cell != cell.Name)
            throw new ArgumentException($"cell '{state.Cell}' stands where '{cell.Name}' belongs");
        if (state.Runs.Count > 0 && string.IsNullOrWhiteSpace(state.Kernel))
            throw new ArgumentException($"cell '{cell.Name}' names no kernel");
        int previous = -1;
        foreach (var run in state.Runs)
        {
            string at = $"run {run.Run} of '{cell.Name}'";
            if (run.Run < 0 || run.Run >= cell.Parallel.Runs)
                throw new ArgumentException($"{at} is outside 0..{cell.Parallel.Runs - 1}");
            if (run.Run % shard.Count != shard.Index)
                throw new ArgumentException($"{at} does not belong to shard {shard}");
            if (run.Run <= previous)
                throw new ArgumentException($"{at} is repeated or out of order");
            previous = run.Run;
            bool diverged = run.Status == TrainingStatus.Diverged;
            if (!Enum.IsDefined(run.Status) || run.Epochs < 1 || run.Epochs > cell.MaxEpochs)
                throw new ArgumentException($"{at} ran {run.Epochs} epochs with status {run.Status}; the arguments allow 1..{cell.MaxEpochs}");
            if (run.GradientVanishedEpoch < 0 || run.GradientVanishedEpoch > run.Epochs)
                throw new ArgumentException($"{at} has its gradients vanish in epoch {run.GradientVanishedEpoch} of {run.Epochs}");
            if (run.FinalParameters.Length != cell.ParameterCount)
                throw new ArgumentException($"{at} has {run.FinalParameters.Length} parameters; {cell.Architecture} has {cell.ParameterCount}");
            if (!diverged && (!double.IsFinite(run.FinalLoss) || !run.FinalParameters.All(float.IsFinite)))
                throw new ArgumentException($"{at} has non-finite values but did not diverge");
            int expected = cell.HistoryLength(run.Run, new TrainingResult(run.Status, run.Epochs, run.FinalLoss, run.GradientVanishedEpoch));
            int length = run.Losses?.Length ?? 0;
            if (length != expected || (run.Losses is null) != !ParallelTraining.RecordsHistory(cell.Parallel, run.Run))
                throw new ArgumentException($"{at} has {length} recorded losses; {run.Epochs} epochs make {expected}");
            if (run.Losses is not null && !run.Losses.All(double.IsFinite))
                throw new ArgumentException($"{at} has a non-finite recorded loss");
        }
    }
}
