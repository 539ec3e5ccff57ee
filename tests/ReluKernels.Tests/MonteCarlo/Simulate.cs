using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>Runs a collapse experiment to completion with fixed settings, for tests.</summary>
internal static class Simulate
{
    public static CollapseTally Run(CollapseExperiment experiment, EngineKind engine, long trials, ulong seed, int threads = 2, int blockSize = 4096) =>
        Drive(CollapseRun.Start(experiment, engine), new MonteCarloOptions { Trials = trials, Seed = seed, Threads = threads, BlockSize = blockSize }).Tally;

    /// <summary><see cref="MonteCarloDriver.Run(CollapseRun, MonteCarloOptions, Action{CollapseRun}?, CancellationToken)"/>, cancelled with the test.</summary>
    public static CollapseRun Drive(CollapseRun run, MonteCarloOptions options, Action<CollapseRun>? afterRound = null) =>
        MonteCarloDriver.Run(run, options, afterRound, TestContext.Current.CancellationToken);

    /// <summary>Whether two tallies hold exactly the same counts.</summary>
    public static void AssertSameCounts(CollapseTally expected, CollapseTally actual, string what)
    {
        Assert.True(expected.Trials == actual.Trials, $"{what}: trials {actual.Trials} vs {expected.Trials}");
        Assert.True(expected.Collapsed == actual.Collapsed, $"{what}: collapsed {actual.Collapsed} vs {expected.Collapsed}");
        Assert.Equal(expected.FirstDeadLayer.ToArray(), actual.FirstDeadLayer.ToArray());
        Assert.Equal(expected.ZeroAtProbeByDepth(), actual.ZeroAtProbeByDepth());
    }
}
