using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;
using ReluKernels.Studies;
using ReluKernels.Tests.Kernels;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>
/// The generated weight-space steppers (IWeightSpaceStep, width unrolled) take the same draws in the same order as the
/// hand-written run-time-width WeightSpaceStepper and round identically, so the counts must be equal exactly, not just
/// in distribution: for every width with a shipped shape, each weight distribution, one or two threads and a shard split.
/// </summary>
public sealed class GeneratedStepperTests
{
    public static TheoryData<int, int, WeightDistribution> Cells => new()
    {
        { 2, 10, WeightDistribution.HeNormal },
        { 2, 50, WeightDistribution.SymmetricUniform },
        { 3, 20, WeightDistribution.Orthogonal },
        { 4, 10, WeightDistribution.HeNormal },
        { 5, 50, WeightDistribution.Orthogonal },
        { 7, 12, WeightDistribution.SymmetricUniform },
        { 10, 10, WeightDistribution.SymmetricUniform },
        { 10, 50, WeightDistribution.HeNormal },
        { 16, 10, WeightDistribution.Orthogonal },
        { 16, 20, WeightDistribution.HeNormal },
    };

    private static MonteCarloOptions Options(int width, int threads, Shard shard) => new()
    {
        // Wide nets are slow per trial and rarely die; the narrow ones get more trials so many die at every depth.
        Trials = width <= 5 ? 24_000 : 6_000,
        Seed = 2026,
        Threads = threads,
        Shard = shard,
        BlockSize = width <= 5 ? 3_000 : 1_000,
    };

    /// <summary>The hand-written engine through the same block loop the driver uses.</summary>
    private static CollapseTally HandWritten(CollapseExperiment e, MonteCarloOptions options) =>
        BlockRunner.RunAll(options, () => new WeightSpaceEngine(e), () => new CollapseTally(e.Depth),
            static (engine, ref rng, trials, tally) => engine.Run(ref rng, trials, tally),
            cancellation: TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(Cells))]
    public void Generated_stepper_counts_equal_the_hand_written_ones(int width, int depth, WeightDistribution weights)
    {
        var e = new CollapseExperiment(width, depth, weights);
        var expected = HandWritten(e, Options(width, 1, Shard.Whole));
        foreach (int threads in new[] { 1, 2 })
        {
            var run = Simulate.Drive(CollapseRun.Start(e, EngineKind.WeightSpace), Options(width, threads, Shard.Whole));
            Assert.Equal($"generated stepper CollapseWidth{width}", run.Code);
            Simulate.AssertSameCounts(expected, run.Tally, $"{weights} {width}x{depth}, {threads} thread(s)");
        }
        var sum = new CollapseTally(depth);
        for (int k = 0; k < 3; k++)
            sum.Add(Simulate.Drive(CollapseRun.Start(e, EngineKind.WeightSpace), Options(width, 2, new Shard(k, 3))).Tally);
        Simulate.AssertSameCounts(expected, sum, $"{weights} {width}x{depth}, 3 shards");
    }

    [Fact]
    public void The_narrow_cells_compare_real_deaths()
    {
        // Equal counts mean something only if networks died at many depths: width 2 with He-normal weights mostly dies.
        var t = HandWritten(new CollapseExperiment(2, 10), Options(2, 1, Shard.Whole));
        Assert.True(t.Collapsed > t.Trials / 2, $"{t.Collapsed} of {t.Trials}");
        for (int l = 2; l <= 10; l++)
            Assert.True(t.FirstDeadLayer[l] > 0, $"no first death at layer {l}");
    }

    [Fact]
    public void A_consumer_shape_runs_on_its_own_generated_stepper_with_the_same_counts()
    {
        var mine = CollapseStudy.Estimate<F7x13NoBiasOutAct>(WeightDistribution.SymmetricUniform, trials: 8_000, seed: 9, threads: 2,
            cancellation: TestContext.Current.CancellationToken);
        var shipped = CollapseStudy.Estimate(7, 13, WeightDistribution.SymmetricUniform, trials: 8_000, seed: 9, threads: 1,
            engine: EngineKind.WeightSpace, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal("generated stepper F7x13NoBiasOutAct", mine.Code);
        Assert.Equal("generated stepper CollapseWidth7", shipped.Code);
        Assert.Equal(EngineKind.WeightSpace, mine.Engine);
        Assert.Equal("generated stepper F7x13NoBiasOutAct", mine.Report.Code);
        Simulate.AssertSameCounts(shipped.Run.Tally, mine.Run.Tally, "F7x13NoBiasOutAct");
    }

    [Fact]
    public void A_shape_with_biases_runs_the_piecewise_linear_engine()
    {
        var mine = CollapseStudy.Estimate<F2x10>(biasStd: 0.5, trials: 2_000, seed: 4, threads: 2,
            cancellation: TestContext.Current.CancellationToken);
        var reference = CollapseStudy.Estimate(2, 10, biasStd: 0.5, trials: 2_000, seed: 4, threads: 1,
            engine: EngineKind.PiecewiseLinear, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(EngineKind.PiecewiseLinear, mine.Engine);
        Assert.Equal("hand-written piecewise linear", mine.Code);
        Simulate.AssertSameCounts(reference.Run.Tally, mine.Run.Tally, "F2x10 with biases");
    }

    [Fact]
    public void The_bias_std_must_match_the_shape()
    {
        Assert.Equal("biasStd", Assert.Throws<ArgumentOutOfRangeException>(() => CollapseStudy.Estimate<F2x10>(trials: 10, cancellation: TestContext.Current.CancellationToken)).ParamName);
        Assert.Equal("biasStd", Assert.Throws<ArgumentOutOfRangeException>(() => CollapseStudy.Estimate<F7x13NoBiasOutAct>(biasStd: 1, trials: 10, cancellation: TestContext.Current.CancellationToken)).ParamName);
    }

    [Fact]
    public void A_shape_of_another_width_is_refused()
    {
        var run = CollapseRun.Start(new CollapseExperiment(5, 4), EngineKind.WeightSpace);
        Assert.Throws<ArgumentException>(() => MonteCarloDriver.Run<CollapseWidth3>(run, new MonteCarloOptions { Trials = 10 }, cancellation: TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(EngineKind.WeightSpace, 2, "generated stepper CollapseWidth2")]
    [InlineData(EngineKind.WeightSpace, 16, "generated stepper CollapseWidth16")]
    [InlineData(EngineKind.WeightSpace, 17, "hand-written weight space")]
    [InlineData(EngineKind.WeightSpace, 1, "hand-written weight space")]
    [InlineData(EngineKind.FunctionSpace, 5, "hand-written function space")]
    [InlineData(EngineKind.PiecewiseLinear, 5, "hand-written piecewise linear")]
    public void Reports_name_the_code_that_runs(EngineKind kind, int width, string code)
    {
        var e = new CollapseExperiment(width, 3, kind == EngineKind.FunctionSpace ? WeightDistribution.HeNormal : WeightDistribution.Orthogonal);
        Assert.Equal(code, CollapseEngines.Code(kind, e));
        Assert.Equal(code, CollapseRun.Start(e, kind).Code);
        Assert.Equal(code.StartsWith("generated", StringComparison.Ordinal),
            CollapseEngines.Create(kind, e).GetType().Name.StartsWith("GeneratedWeightSpaceEngine", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, WeightDistribution.Orthogonal)]
    [InlineData(true, WeightDistribution.SymmetricUniform)]
    [InlineData(false, WeightDistribution.Orthogonal)]
    [InlineData(false, WeightDistribution.HeNormal)]
    public void Trials_allocate_nothing(bool generated, WeightDistribution weights)
    {
        var e = new CollapseExperiment(16, 12, weights);
        CollapseEngine engine = generated ? new GeneratedWeightSpaceEngine<CollapseWidth16>(e) : new WeightSpaceEngine(e);
        var tally = new CollapseTally(e.Depth);
        var rng = new CounterRng(1, 0);
        long allocated = AllocationProbe.SteadyStateBytes(() => engine.Run(ref rng, 2_000, tally), warmUps: 1);
        Assert.True(allocated == 0, $"{engine.GetType().Name} {weights}: {allocated} bytes allocated for 2000 trials");
    }
}
