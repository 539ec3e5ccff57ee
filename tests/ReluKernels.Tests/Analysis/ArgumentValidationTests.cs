using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

public class ArgumentValidationTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Start_rejects_a_radius_that_is_not_positive_and_finite(double radius)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PiecewiseLinearPropagator().Start(radius));
        Assert.Equal("radius", e.ParamName);
        Assert.Contains("positive and finite", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkAnalysis.Analyze(new NetworkArchitecture(2, 2), new double[new NetworkArchitecture(2, 2).ParameterCount], radius));
    }

    [Fact]
    public void ApplyLayer_rejects_wrong_span_lengths_and_widths()
    {
        var p = new PiecewiseLinearPropagator(maxWidth: 4);
        Assert.Throws<InvalidOperationException>(() => p.ApplyLayer([1], [], 1, true)); // before Start
        Assert.Throws<InvalidOperationException>(() => p.Evaluate(0, new double[1]));
        p.Start(1);

        var e = Assert.Throws<ArgumentException>(() => p.ApplyLayer([1, 2, 3], [], 2, true));
        Assert.Equal("weights", e.ParamName);
        Assert.Contains("Expected 2×1 = 2 weights", e.Message);
        e = Assert.Throws<ArgumentException>(() => p.ApplyLayer([1, 2], [1], 2, true));
        Assert.Equal("biases", e.ParamName);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => p.ApplyLayer(new double[5], [], 5, true));
        Assert.Contains("1..4", range.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => p.ApplyLayer([], [], 0, true));

        p.ApplyLayer([1, -1], [], 2, true);
        e = Assert.Throws<ArgumentException>(() => p.ApplyLayer([1, 1], [], 2, true)); // fanIn is now 2
        Assert.Contains("current width 2", e.Message);
        Assert.Throws<ArgumentException>(() => p.Evaluate(0, new double[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => p.Evaluate(1.5, new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => p.Evaluate(double.NaN, new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => p.StateOf(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PiecewiseLinearPropagator(0));
    }

    [Fact]
    public void Analyses_reject_unsuitable_networks_with_a_reason()
    {
        var twoD = new NetworkArchitecture(width: 3, depth: 2, inputDim: 2);
        var e = Assert.Throws<ArgumentException>(() => NetworkAnalysis.Analyze(twoD, new double[twoD.ParameterCount]));
        Assert.Contains("InputDim = 2", e.Message);
        Assert.Contains("SampledDeadness", e.Message);

        var oneD = new NetworkArchitecture(width: 3, depth: 2);
        e = Assert.Throws<ArgumentException>(() => NetworkAnalysis.Analyze(oneD, new double[oneD.ParameterCount - 1]));
        Assert.Contains($"Expected {oneD.ParameterCount} parameters", e.Message);
        Assert.Throws<ArgumentException>(() => NetworkAnalysis.Analyze(default, []));

        e = Assert.Throws<ArgumentException>(() => HomogeneityAnalysis.FirstDeadLayer(oneD, new double[oneD.ParameterCount]));
        Assert.Contains("bias-free", e.Message);
        var biasFree2D = new NetworkArchitecture(width: 3, depth: 2, inputDim: 2, bias: false);
        Assert.Throws<ArgumentException>(() => HomogeneityAnalysis.FirstDeadLayer(biasFree2D, new double[biasFree2D.ParameterCount]));

        e = Assert.Throws<ArgumentException>(() => PiecewiseLinearCollapse.FirstDeadLayer(new PiecewiseLinearPropagator(2), oneD, new double[oneD.ParameterCount]));
        Assert.Contains("at most 2 neurons", e.Message);

        e = Assert.Throws<ArgumentException>(() => SampledDeadness.Analyze(twoD, new double[twoD.ParameterCount], new double[5], 3));
        Assert.Contains("2×3 = 6 coordinates", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledDeadness.Analyze(twoD, new double[twoD.ParameterCount], [], 0));
    }

    [Fact]
    public void Point_sets_reject_bad_sizes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PointSets.Grid(0, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PointSets.Grid(2, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PointSets.Grid(2, 3, -1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PointSets.Grid(16, 10, 1));
        Assert.Contains("exceeds", e.Message);
        var rng = new CounterRng(1, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => PointSets.UniformInBall(2, 0, 1, ref rng));
        Assert.Throws<ArgumentOutOfRangeException>(() => PointSets.UniformInBall(17, 5, 1, ref rng));
        Assert.Throws<ArgumentException>(() => new PointSet(2, 3, new double[5], "bad"));
    }
}
