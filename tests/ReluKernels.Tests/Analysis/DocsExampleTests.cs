using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

/// <summary>The example of docs/analysis.md, with assertions in place of its comments, so the documentation cannot rot.</summary>
public class DocsExampleTests
{
    [Fact]
    public void The_docs_example_runs_and_says_what_it_claims()
    {
        var architecture = new NetworkArchitecture(width: 2, depth: 10);            // 1 → [2 × 10] → 1, with biases
        var parameters = new double[architecture.ParameterCount];
        var rng = new CounterRng(seed: 42, stream: 0);
        NormalInitializer.HeWithBias.Initialize(architecture, parameters, ref rng);

        NetworkAnalysis analysis = NetworkAnalysis.Analyze(architecture, parameters);
        Assert.Equal(DetectionMethod.PiecewiseLinear, analysis.Method);
        Assert.Equal(analysis.FirstDeadLayer != 0, analysis.IsCollapsed);
        Assert.Equal(10, analysis.HiddenLayers.Count);
        Assert.NotNull(analysis.LinearRegions);

        var propagator = new PiecewiseLinearPropagator();
        int collapsed = 0;
        for (int trial = 0; trial < 1000; trial++)
        {
            NormalInitializer.HeWithBias.Initialize(architecture, parameters, ref rng);
            if (PiecewiseLinearCollapse.FirstDeadLayer(propagator, architecture, parameters) != 0)
                collapsed++;
        }
        Assert.InRange(collapsed, 100, 1000); // width 2, depth 10 collapses often

        propagator.Start(radius: 1);
        LayerReport report = propagator.ApplyLayer([1, -1], [0, 0], fanOut: 2, relu: true);
        propagator.ApplyLayer([1, 1], [], fanOut: 1, relu: false);
        Assert.False(report.IdenticallyZero);
        Assert.Equal(1, propagator.BreakpointCount);
        Assert.Equal(2, propagator.LinearRegionCount);
        Assert.Equal(NeuronState.Active, propagator.StateOf(0));
        Span<double> y = stackalloc double[1];
        propagator.Evaluate(-0.5, y);
        Assert.Equal(0.5, y[0]);

        var biasFree = new NetworkArchitecture(width: 2, depth: 10, bias: false);
        var p0 = new double[biasFree.ParameterCount];
        NormalInitializer.HeWithoutBias.Initialize(biasFree, p0, ref rng);
        int firstDead = HomogeneityAnalysis.FirstDeadLayer(biasFree, p0);
        Assert.Equal(NetworkAnalysis.Analyze(biasFree, p0).FirstDeadLayer, firstDead);

        var plane = new NetworkArchitecture(width: 4, depth: 6, inputDim: 2);
        var p2 = new double[plane.ParameterCount];
        NormalInitializer.HeWithBias.Initialize(plane, p2, ref rng);
        NetworkAnalysis sampled = SampledDeadness.Analyze(plane, p2, PointSets.UniformInBall(2, 10_000, 1, ref rng));
        Assert.Equal(DetectionMethod.Sampling, sampled.Method);
        Assert.False(sampled.IsExact);
        Assert.Null(sampled.LinearRegions);
        Assert.StartsWith("10000 points uniform in the ball B_1(0) ⊂ R^2 (CounterRng seed 42, stream 0", sampled.PointSetDescription);
    }
}
