using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.Studies;
using ReluKernels.Tests.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Tests.Studies;

/// <summary>
/// <see cref="CollapseStudy.Estimate"/> against a hand-computed probability (binomial test at α = 1e-6, fixed seed),
/// against the driver it wraps, across thread counts, and on invalid arguments.
/// </summary>
public sealed class CollapseStudyTests
{
    /// <summary>
    /// Width 2, depth 2, He-normal, no biases: hidden layer 1 is alive on one side per neuron; layer 2 dies when both of
    /// its neurons are off on every live side. Lu, Su &amp; Karniadakis 2019, Theorem 10 at L = 2, derived by hand in
    /// docs/theory/collapse.md: 5/32.
    /// </summary>
    private const double WidthTwoDepthTwoCollapse = 5.0 / 32;

    [Fact]
    public void Width_2_depth_2_agrees_with_the_exact_5_over_32()
    {
        var estimate = CollapseStudy.Estimate(width: 2, depth: 2, trials: 200_000, seed: 20, threads: 2,
            cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(200_000, estimate.Trials);
        Assert.Equal(EngineKind.FunctionSpace, estimate.Engine);
        Assert.True(BinomialTest.AgreesWith(estimate.Collapsed, estimate.Trials, WidthTwoDepthTwoCollapse),
            $"{estimate.Collapsed} of {estimate.Trials} collapsed, expected 5/32");
        Assert.Equal(WilsonInterval.Of(estimate.Collapsed, estimate.Trials), estimate.Interval);
        Assert.Equal((double)estimate.Collapsed / estimate.Trials, estimate.Estimate);
        // The theory beside the estimate: Theorem 10 and the refined lower bound are both 5/32 here; Theorem 8 is 1 − (3/4)².
        Assert.Equal(WidthTwoDepthTwoCollapse, estimate.Theorem10!.Value, 1e-15);
        Assert.Equal(WidthTwoDepthTwoCollapse, estimate.BornDeadLowerBound!.Value, 1e-15);
        Assert.Equal(7.0 / 16, estimate.Theorem8, 1e-15);
        Assert.True(estimate.AgreesWithTheory, string.Join(", ", estimate.Report.Disagreements));
    }

    [Fact]
    public void Shallower_depths_are_read_off_the_same_networks()
    {
        var estimate = CollapseStudy.Estimate(width: 3, depth: 6, trials: 50_000, seed: 5, threads: 2,
            cancellation: TestContext.Current.CancellationToken);

        var rows = estimate.ByDepth().ToArray();
        Assert.Equal([1, 2, 3, 4, 5, 6], rows.Select(r => r.Depth));
        // With input dimension 1 and no biases every first-layer neuron is active on one side: depth 1 never collapses.
        Assert.Equal(0, rows[0].Collapsed);
        Assert.Equal(estimate.Collapsed, rows[^1].Collapsed);
        for (int d = 1; d < rows.Length; d++)
            Assert.True(rows[d].Collapsed >= rows[d - 1].Collapsed, $"collapse is absorbing: depth {d + 1} below depth {d}");
        Assert.Equal(estimate.Run.Tally.CollapsedByDepth(4), estimate.AtDepth(4).Collapsed);
    }

    [Fact]
    public void The_counts_do_not_depend_on_the_thread_count_and_equal_the_drivers()
    {
        var token = TestContext.Current.CancellationToken;
        // 70 000 trials are five blocks of the default size, so several threads really share the work.
        var one = CollapseStudy.Estimate(3, 8, WeightDistribution.SymmetricUniform, trials: 70_000, seed: 9, threads: 1, cancellation: token);
        foreach (int threads in new[] { 2, 3 })
            Simulate.AssertSameCounts(one.Run.Tally,
                CollapseStudy.Estimate(3, 8, WeightDistribution.SymmetricUniform, trials: 70_000, seed: 9, threads: threads, cancellation: token).Run.Tally,
                $"{threads} threads");

        var direct = Simulate.Drive(CollapseRun.Start(new CollapseExperiment(3, 8, WeightDistribution.SymmetricUniform), EngineKind.Auto),
            new MonteCarloOptions { Trials = 70_000, Seed = 9, Threads = 2 });
        Simulate.AssertSameCounts(direct.Tally, one.Run.Tally, "the driver with the same settings");
        Assert.Equal(EngineKind.WeightSpace, one.Engine);
    }

    [Fact]
    public void A_target_half_width_stops_the_run_once_reached()
    {
        const double target = 0.01;
        var estimate = CollapseStudy.Estimate(width: 2, depth: 3, trials: 10_000_000, targetHalfWidth: target, seed: 3, threads: 2,
            cancellation: TestContext.Current.CancellationToken);

        Assert.True(estimate.Complete);
        Assert.True(estimate.Interval.HalfWidth <= target, $"half-width {estimate.Interval.HalfWidth}");
        // A half-width of 0.01 at p ≤ 1/2 needs at most (1.96 / 0.01)² / 4 ≈ 9 604 trials: one block, far below the cap.
        Assert.Equal(MonteCarloOptions.DefaultBlockSize, estimate.Trials);
    }

    [Fact]
    public void Biases_select_the_piecewise_linear_engine_and_the_theory_that_applies()
    {
        var estimate = CollapseStudy.Estimate(width: 2, depth: 3, biasStd: 0.5, trials: 2_000, seed: 4, threads: 2, probe: 0.3,
            cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(EngineKind.PiecewiseLinear, estimate.Engine);
        Assert.Null(estimate.Theorem10);
        Assert.Null(estimate.BornDeadUpperBound);
        Assert.Equal(0.25, estimate.Report.Theorem9); // Theorem 9: 2^-width
    }

    public static TheoryData<string, Action> OutOfRange => new()
    {
        { "width", () => CollapseStudy.Estimate(0, 2) },
        { "depth", () => CollapseStudy.Estimate(2, 0) },
        { "weights", () => CollapseStudy.Estimate(2, 2, (WeightDistribution)99) },
        { "biasStd", () => CollapseStudy.Estimate(2, 2, biasStd: -1) },
        { "trials", () => CollapseStudy.Estimate(2, 2, trials: 0) },
        { "targetHalfWidth", () => CollapseStudy.Estimate(2, 2, targetHalfWidth: 0.5) },
        { "threads", () => CollapseStudy.Estimate(2, 2, threads: 0) },
        { "radius", () => CollapseStudy.Estimate(2, 2, radius: 0) },
        { "probe", () => CollapseStudy.Estimate(2, 2, probe: 2) },
        { "engine", () => CollapseStudy.Estimate(2, 2, engine: (EngineKind)99) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Invalid_arguments_throw_naming_the_parameter(string parameter, Action call) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(call).ParamName);

    [Fact]
    public void An_engine_that_cannot_run_the_experiment_is_rejected_by_name() =>
        Assert.Equal("engine", Assert.Throws<ArgumentException>(
            () => CollapseStudy.Estimate(2, 2, biasStd: 0.5, engine: EngineKind.FunctionSpace,
                cancellation: TestContext.Current.CancellationToken)).ParamName);

    [Fact]
    public void A_depth_outside_the_run_is_rejected()
    {
        var estimate = CollapseStudy.Estimate(2, 3, trials: 100, threads: 1, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => estimate.AtDepth(0)).ParamName);
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => estimate.AtDepth(4)).ParamName);
    }
}
