using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.Collapse;

/// <summary>The config of a command that runs one collapse run per width (<c>collapse</c>, <c>safe-depth</c>), whose state files hold <see cref="CollapseStatePayload"/>.</summary>
/// <typeparam name="TSelf">The command's config type.</typeparam>
public interface ICollapseGridConfig<TSelf> : IRunConfig<TSelf> where TSelf : class, ICollapseGridConfig<TSelf>
{
    /// <summary>The engine requested (Auto resolves per width).</summary>
    EngineKind Engine { get; }

    /// <summary>One experiment per width, in the order of the runs.</summary>
    /// <exception cref="ArgumentException">A value the experiment rejects.</exception>
    IReadOnlyList<CollapseExperiment> Experiments();
}
