using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// The state of one cell's run: its counts so far and how many of the shard's blocks they cover. Blocks are added in
/// order, so a checkpointed state resumes exactly where it stopped — no trial lost, none counted twice.
/// </summary>
/// <param name="Experiment">The cell.</param>
/// <param name="Engine">The engine that produced the counts (never <see cref="EngineKind.Auto"/>).</param>
/// <param name="Tally">The counts.</param>
/// <param name="BlocksDone">The shard's blocks already counted, in shard order.</param>
/// <param name="Complete">Whether the run has finished (all blocks, or the target half-width reached).</param>
public sealed record CollapseRun(CollapseExperiment Experiment, EngineKind Engine, CollapseTally Tally, long BlocksDone, bool Complete)
{
    /// <summary>
    /// Which code produced the counts, for reports: <see cref="CollapseEngines.Code"/> of the engine, or the generated
    /// stepper of the consumer's shape after <see cref="MonteCarloDriver.Run{TNet}"/>. It does not affect the counts.
    /// </summary>
    public string Code { get; init; } = CollapseEngines.Code(Engine, Experiment);

    /// <summary>A run that has not started.</summary>
    public static CollapseRun Start(CollapseExperiment experiment, EngineKind engine) =>
        new(experiment, engine == EngineKind.Auto ? CollapseEngines.Choose(experiment) : engine, new CollapseTally(experiment.Depth), 0, false);
}
