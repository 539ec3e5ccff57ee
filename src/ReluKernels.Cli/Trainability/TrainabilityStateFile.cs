using ReluKernels.Cli.Sampling;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Cli.Trainability;

/// <summary>One width's run as stored: how many of the shard's blocks it counts, and its histogram of active neurons.</summary>
/// <param name="Width">The width (the experiment's other settings are the file's arguments).</param>
/// <param name="Trials">Networks counted.</param>
/// <param name="BlocksDone">The shard's first blocks counted.</param>
/// <param name="Complete">Whether all the shard's blocks are counted.</param>
/// <param name="ActiveHistogram">Entry k: networks with exactly k active neurons, k = 0..width.</param>
public sealed record TrainabilityRunState(int Width, long Trials, long BlocksDone, bool Complete, long[] ActiveHistogram);

/// <summary>The payload of a trainability state file: one run per width, in the order of the <c>widths</c> argument.</summary>
/// <param name="Runs">The runs.</param>
public sealed record TrainabilityStatePayload(IReadOnlyList<TrainabilityRunState> Runs);

/// <summary>
/// Checkpoints and shard results of <c>trainability</c> (<see cref="StateFile"/> envelope), verified on load: each width's
/// histogram must count exactly the trials of its blocks (docs/reliability.md).
/// </summary>
public static class TrainabilityStateFile
{
    /// <summary>The stored form of <paramref name="runs"/>.</summary>
    public static TrainabilityStatePayload Payload(IEnumerable<TallyRun<FirstLayerTally>> runs) =>
        new([.. runs.Select(r => new TrainabilityRunState(r.Tally.Width, r.Tally.Trials, r.BlocksDone, r.Complete, r.Tally.ActiveHistogram.ToArray()))]);

    /// <summary>Reads and verifies a state file.</summary>
    /// <exception cref="UsageException">The file is unreadable, foreign, modified or inconsistent (one line naming it and the problem).</exception>
    public static LoadedState<TrainabilityRunConfig, TallyRun<FirstLayerTally>> Load(string path) =>
        StateFile.Load<TrainabilityStatePayload, TrainabilityRunConfig, TallyRun<FirstLayerTally>>(path, (config, options, payload) =>
        {
            var experiments = config.Experiments();
            if (payload.Runs.Count != experiments.Count)
                throw new ArgumentException($"it holds {payload.Runs.Count} runs for {experiments.Count} widths");
            return [.. experiments.Select((e, i) => Verify(payload.Runs[i], e, options))];
        }, run => run.Complete);

    private static TallyRun<FirstLayerTally> Verify(TrainabilityRunState state, FirstLayerExperiment experiment, MonteCarloOptions options)
    {
        if (state.Width != experiment.Width)
            throw new ArgumentException($"a run of width {state.Width} stands where width {experiment.Width} belongs");
        if (state.ActiveHistogram.Length != experiment.Width + 1)
            throw new ArgumentException($"width {state.Width} has a histogram of {state.ActiveHistogram.Length} entries, not {experiment.Width + 1}");
        var tally = FirstLayerTally.FromCounts(state.ActiveHistogram);
        if (tally.Trials != state.Trials)
            throw new ArgumentException($"width {state.Width}'s histogram counts {tally.Trials} networks, not its {state.Trials} trials");
        BlockProgress.Verify($"width {state.Width}", state.BlocksDone, state.Trials, state.Complete, options);
        return new TallyRun<FirstLayerTally>(tally, state.BlocksDone, state.Complete);
    }
}
