using ReluKernels.Cli.Sampling;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Cli.Trainability;

/// <summary>One scheme's run as stored: how many of the shard's blocks it counts, and its counts (as <see cref="ActiveNeuronTally"/> exposes them).</summary>
/// <param name="Scheme">The scheme (the experiment's other settings are the file's arguments).</param>
/// <param name="Trials">Networks counted.</param>
/// <param name="BlocksDone">The shard's first blocks counted.</param>
/// <param name="Complete">Whether all the shard's blocks are counted.</param>
/// <param name="Active">Per hidden layer, networks with exactly k active neurons.</param>
/// <param name="PermanentlyDead">Per hidden layer, networks with exactly k permanently dead neurons.</param>
/// <param name="FirstTwoLayers">The joint histogram of the first two layers' active counts, row-major (empty for one hidden layer).</param>
/// <param name="Trainable">Networks that were trainable.</param>
/// <param name="AllRequiredActive">Networks with at least m_t active neurons in every layer.</param>
/// <param name="EveryLayerActive">Networks with an active neuron in every layer.</param>
public sealed record ActiveNeuronsRunState(string Scheme, long Trials, long BlocksDone, bool Complete, long[][] Active, long[][] PermanentlyDead,
    long[] FirstTwoLayers, long Trainable, long AllRequiredActive, long EveryLayerActive);

/// <summary>The payload of an active-neurons state file: one run per scheme, in the order of the <c>schemes</c> argument.</summary>
/// <param name="Runs">The runs.</param>
public sealed record ActiveNeuronsStatePayload(IReadOnlyList<ActiveNeuronsRunState> Runs);

/// <summary>
/// Checkpoints and shard results of <c>active-neurons</c> (<see cref="StateFile"/> envelope), verified on load: each
/// scheme's histograms must all count exactly the trials of its blocks, and its event counts at most those (docs/reliability.md).
/// </summary>
public static class ActiveNeuronsStateFile
{
    /// <summary>The stored form of <paramref name="runs"/> (one per scheme of <paramref name="config"/>).</summary>
    public static ActiveNeuronsStatePayload Payload(ActiveNeuronsRunConfig config, IEnumerable<TallyRun<ActiveNeuronTally>> runs)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new([.. runs.Select((r, i) =>
        {
            var t = r.Tally;
            var layers = Enumerable.Range(1, t.Depth).ToList();
            return new ActiveNeuronsRunState(config.Schemes[i].ToString(), t.Trials, r.BlocksDone, r.Complete,
                [.. layers.Select(l => t.Active(l).ToArray())], [.. layers.Select(l => t.PermanentlyDead(l).ToArray())],
                t.FirstTwoLayersJoint.ToArray(), t.Trainable, t.AllRequiredActive, t.EveryLayerActive);
        })]);
    }

    /// <summary>Reads and verifies a state file.</summary>
    /// <exception cref="UsageException">The file is unreadable, foreign, modified or inconsistent (one line naming it and the problem).</exception>
    public static LoadedState<ActiveNeuronsRunConfig, TallyRun<ActiveNeuronTally>> Load(string path) =>
        StateFile.Load<ActiveNeuronsStatePayload, ActiveNeuronsRunConfig, TallyRun<ActiveNeuronTally>>(path, (config, options, payload) =>
        {
            var experiments = config.Experiments();
            if (payload.Runs.Count != experiments.Count)
                throw new ArgumentException($"it holds {payload.Runs.Count} runs for {experiments.Count} schemes");
            return [.. experiments.Select((e, i) => Verify(payload.Runs[i], config.Schemes[i].ToString(), e, options))];
        }, run => run.Complete);

    private static TallyRun<ActiveNeuronTally> Verify(ActiveNeuronsRunState state, string scheme, ActiveNeuronExperiment experiment, MonteCarloOptions options)
    {
        if (state.Scheme != scheme)
            throw new ArgumentException($"a run of scheme {state.Scheme} stands where {scheme} belongs");
        var tally = ActiveNeuronTally.FromCounts(experiment.HiddenWidths, state.Active, state.PermanentlyDead, state.FirstTwoLayers,
            state.Trainable, state.AllRequiredActive, state.EveryLayerActive);
        if (tally.Trials != state.Trials)
            throw new ArgumentException($"scheme {scheme}'s histograms count {tally.Trials} networks, not its {state.Trials} trials");
        if (experiment.Required is null && tally.Trainable != 0)
            throw new ArgumentException($"scheme {scheme} counts trainable networks, but no requirement was given");
        BlockProgress.Verify($"scheme {scheme}", state.BlocksDone, state.Trials, state.Complete, options);
        return new TallyRun<ActiveNeuronTally>(tally, state.BlocksDone, state.Complete);
    }
}
