using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>docs/monte-carlo.md#reproducibility-contract: counts depend only on (experiment, seed, trials), not on threads, shards or interruptions.</summary>
public sealed class ReproducibilityTests
{
    public static TheoryData<EngineKind, WeightDistribution, double> Engines => new()
    {
        { EngineKind.FunctionSpace, WeightDistribution.HeNormal, 0 },
        { EngineKind.WeightSpace, WeightDistribution.Orthogonal, 0 },
        { EngineKind.PiecewiseLinear, WeightDistribution.HeNormal, 0.3 },
        { EngineKind.PiecewiseLinear, WeightDistribution.Rai, 0 },
    };

    private static CollapseExperiment Experiment(WeightDistribution weights, double biasStd) => new(3, 9, weights, biasStd);

    private static MonteCarloOptions Options(int threads, Shard shard) =>
        new() { Trials = 20_000, Seed = 42, Threads = threads, Shard = shard, BlockSize = 1_000 };

    [Theory]
    [MemberData(nameof(Engines))]
    public void Thread_count_does_not_change_the_counts(EngineKind engine, WeightDistribution weights, double biasStd)
    {
        var e = Experiment(weights, biasStd);
        var one = Simulate.Drive(CollapseRun.Start(e, engine), Options(1, Shard.Whole)).Tally;
        foreach (int threads in new[] { 2, 3, 7 })
            Simulate.AssertSameCounts(one, Simulate.Drive(CollapseRun.Start(e, engine), Options(threads, Shard.Whole)).Tally, $"{threads} threads");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Shards_sum_to_the_whole_run(EngineKind engine, WeightDistribution weights, double biasStd)
    {
        var e = Experiment(weights, biasStd);
        var whole = Simulate.Drive(CollapseRun.Start(e, engine), Options(2, Shard.Whole)).Tally;
        foreach (int count in new[] { 2, 3, 6 })
        {
            var sum = new CollapseTally(e.Depth);
            for (int k = 0; k < count; k++)
                sum.Add(Simulate.Drive(CollapseRun.Start(e, engine), Options(2, new Shard(k, count))).Tally);
            Simulate.AssertSameCounts(whole, sum, $"{count} shards");
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void An_interrupted_run_resumes_to_the_same_counts(EngineKind engine, WeightDistribution weights, double biasStd)
    {
        var e = Experiment(weights, biasStd);
        var options = Options(2, Shard.Whole);
        var whole = Simulate.Drive(CollapseRun.Start(e, engine), options).Tally;

        using var cancel = new CancellationTokenSource();
        var partial = MonteCarloDriver.Run(CollapseRun.Start(e, engine), options, _ => cancel.Cancel(), cancel.Token);
        Assert.False(partial.Complete);
        Assert.InRange(partial.BlocksDone, 1, options.TotalBlocks - 1);
        Assert.Equal(partial.BlocksDone * options.BlockSize, partial.Tally.Trials);

        // Resume from a copy rebuilt from the stored counts, as a checkpoint file would.
        var stored = CollapseTally.FromCounts(partial.Tally.Trials, partial.Tally.FirstDeadLayer[1..], partial.Tally.ZeroAtProbeByDepth());
        var resumed = Simulate.Drive(partial with { Tally = stored }, options);
        Assert.True(resumed.Complete);
        Simulate.AssertSameCounts(whole, resumed.Tally, "resumed");
    }

    [Fact]
    public void A_target_half_width_stops_at_the_same_block_for_any_thread_count()
    {
        var e = new CollapseExperiment(4, 10);
        MonteCarloOptions Target(int threads) => new() { Trials = 10_000_000, TargetHalfWidth = 0.004, Seed = 9, Threads = threads, BlockSize = 2_000 };
        var one = Simulate.Drive(CollapseRun.Start(e, EngineKind.Auto), Target(1));
        var three = Simulate.Drive(CollapseRun.Start(e, EngineKind.Auto), Target(3));
        Assert.True(one.Complete);
        Assert.True(Statistics.WilsonInterval.Of(one.Tally.Collapsed, one.Tally.Trials).HalfWidth <= 0.004);
        Assert.True(one.Tally.Trials < 10_000_000, "the target should stop the run long before the cap");
        Simulate.AssertSameCounts(one.Tally, three.Tally, "1 vs 3 threads");
    }

    [Fact]
    public void Every_depth_of_a_run_is_the_run_of_that_depth()
    {
        // A depth-d network is the first d layers of a deeper one, so truncating a deep run must give the same
        // distribution as running depth d directly (different draws, so a statistical comparison).
        var deep = Simulate.Run(new CollapseExperiment(3, 12), EngineKind.FunctionSpace, 300_000, seed: 1);
        var shallow = Simulate.Run(new CollapseExperiment(3, 5), EngineKind.FunctionSpace, 300_000, seed: 2);
        var cut = deep.Truncate(5);
        for (int d = 1; d <= 5; d++)
        {
            TwoSampleAssert.SameProportion(cut.CollapsedByDepth(d), cut.Trials, shallow.CollapsedByDepth(d), shallow.Trials, 10, $"collapse at {d}");
            TwoSampleAssert.SameProportion(cut.ZeroAtProbeAt(d), cut.Trials, shallow.ZeroAtProbeAt(d), shallow.Trials, 10, $"zero at {d}");
        }
    }
}
