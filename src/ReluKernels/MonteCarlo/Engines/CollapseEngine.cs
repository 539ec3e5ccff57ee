namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// Runs trials of one <see cref="CollapseExperiment"/>. An instance owns scratch buffers and is used by one thread at a
/// time; <see cref="Run"/> allocates nothing.
/// </summary>
public abstract class CollapseEngine
{
    /// <summary>Creates an engine for <paramref name="experiment"/>.</summary>
    protected CollapseEngine(CollapseExperiment experiment) => Experiment = experiment;

    /// <summary>The experiment this engine simulates.</summary>
    public CollapseExperiment Experiment { get; }

    /// <summary>
    /// Draws <paramref name="trials"/> networks from <paramref name="rng"/> and adds their outcomes to
    /// <paramref name="tally"/>. The outcomes are a pure function of the stream's state and the trial count.
    /// </summary>
    public abstract void Run(ref CounterRng rng, int trials, CollapseTally tally);
}
