using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

/// <summary>Networks small enough to know every answer by hand.</summary>
public class HandBuiltNetworkTests
{
    [Fact]
    public void Absolute_value_has_one_kink_and_two_regions()
    {
        // |x| = relu(x) + relu(−x)
        var p = new PiecewiseLinearPropagator();
        p.Start(1);
        var report = p.ApplyLayer([1, -1], [0, 0], fanOut: 2, relu: true);
        Assert.Equal(new LayerReport(IdenticallyZero: false, DeadNeurons: 0, ZeroNeurons: 0), report);
        p.ApplyLayer([1, 1], [], fanOut: 1, relu: false);

        Assert.Equal(1, p.BreakpointCount);
        Assert.Equal(0.0, p.Breakpoints[0]);
        Assert.Equal(2, p.LinearRegionCount);
        Assert.Equal(NeuronState.Active, p.StateOf(0));
        var y = new double[1];
        foreach (double x in new[] { -1, -0.75, -0.1, 0, 0.3, 1 })
        {
            p.Evaluate(x, y);
            Assert.Equal(Math.Abs(x), y[0], 15);
        }
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.1, 0.03)] // computed slopes 0.1 and 0.10000000000000002: equal only up to rounding
    [InlineData(3.0, 1.0)]  // computed slopes 3 and 2.9999999999999996
    public void A_spurious_breakpoint_is_not_a_region_boundary(double a, double b)
    {
        // relu(ax + b) − relu(−ax − b) = ax + b: the propagator keeps the point −b/a, but nothing changes slope there.
        var p = new PiecewiseLinearPropagator();
        p.Start(1);
        p.ApplyLayer([a, -a], [b, -b], fanOut: 2, relu: true);
        Assert.Equal(2, p.LinearRegionCount); // jointly (relu(ax + b), relu(−ax − b)) does bend there
        p.ApplyLayer([1, -1], [], fanOut: 1, relu: false);
        Assert.Equal(1, p.BreakpointCount);
        Assert.Equal(1, p.LinearRegionCount);
    }

    [Fact]
    public void A_nearly_constant_neuron_is_active_not_dead()
    {
        // relu(1e-12·x + 1) varies by 2e-12 on [−1, 1]: constant to any tolerance, but not dead (docs/definitions.md).
        var p = new PiecewiseLinearPropagator();
        p.Start(1);
        var report = p.ApplyLayer([1e-12], [1], fanOut: 1, relu: true);
        Assert.Equal(NeuronState.Active, p.StateOf(0));
        Assert.Equal(0, report.DeadNeurons);
        var a = new NetworkArchitecture(width: 1, depth: 1);
        Assert.False(NetworkAnalysis.Analyze(a, [1e-12, 1, 1, 0]).IsConstant);
    }

    [Fact]
    public void Shifted_relus_are_dead_zero_active_and_dead_constant()
    {
        // relu(x − 2), relu(x + 2), relu(0·x + 1) on [−1, 1]
        var p = new PiecewiseLinearPropagator();
        p.Start(1);
        var report = p.ApplyLayer([1, 1, 0], [-2, 2, 1], fanOut: 3, relu: true);

        Assert.Equal(NeuronState.DeadZero, p.StateOf(0));
        Assert.Equal(NeuronState.Active, p.StateOf(1));
        Assert.Equal(NeuronState.DeadConstant, p.StateOf(2));
        Assert.Equal(new LayerReport(IdenticallyZero: false, DeadNeurons: 2, ZeroNeurons: 1), report);
        Assert.Equal(0, p.BreakpointCount); // no neuron crosses zero inside Ω
        Assert.Equal(1, p.LinearRegionCount);
        var y = new double[3];
        p.Evaluate(0.5, y);
        Assert.Equal([0, 2.5, 1], y);
    }

    [Fact]
    public void The_same_neurons_through_NetworkAnalysis()
    {
        // 1 → [3 × 1] → 1 with the three neurons above; the output 5·h₁ + h₂ − h₃ − 2 is x − 1 on Ω (affine, active).
        var a = new NetworkArchitecture(width: 3, depth: 1);
        double[] parameters = [1, 1, 0, -2, 2, 1, /* output */ 5, 1, -1, -2];
        var result = NetworkAnalysis.Analyze(a, parameters);

        Assert.Equal(DetectionMethod.PiecewiseLinear, result.Method);
        Assert.True(result.IsExact);
        Assert.Equal([NeuronState.DeadZero, NeuronState.Active, NeuronState.DeadConstant], result.HiddenLayers[0].States);
        Assert.Equal(2, result.HiddenLayers[0].DeadCount);
        Assert.Equal(0, result.HiddenLayers[0].PermanentlyDeadCount); // layer 1: the classification does not apply
        Assert.False(result.HiddenLayers[0].IsTentativelyDead(0));
        Assert.Equal(0, result.FirstDeadLayer);
        Assert.False(result.IsCollapsed);
        Assert.False(result.IsConstant);
        Assert.Equal(1, result.LinearRegions);
        Assert.Contains("[-1, 1]", result.PointSetDescription);
    }

    [Fact]
    public void A_layer_that_kills_everything_is_the_first_dead_layer()
    {
        // 1 → [2 × 3] → 1. Layer 1: relu(x), relu(−x). Layer 2: all weights and biases negative → identically 0.
        // Layer 3 then sees zeros: neuron 0 = relu(0.3) (constant), neuron 1 = relu(−0.1) = 0.
        var a = new NetworkArchitecture(width: 2, depth: 3);
        double[] parameters =
        [
            1, -1, 0, 0,                 // layer 1: W [2×1], b
            -1, -2, -0.5, -1, -0.5, 0,   // layer 2: W [2×2], b = (−0.5, 0)
            1, 1, -1, -1, 0.3, -0.1,     // layer 3: W [2×2], b
            1, 1, 0,                     // output
        ];
        var result = NetworkAnalysis.Analyze(a, parameters);

        Assert.Equal(2, result.FirstDeadLayer);
        Assert.True(result.IsCollapsed);
        Assert.True(result.IsConstant);
        Assert.Equal(1, result.LinearRegions);
        Assert.Equal([NeuronState.Active, NeuronState.Active], result.HiddenLayers[0].States);
        Assert.True(result.HiddenLayers[1].IsIdenticallyZero);
        Assert.Equal(2, result.HiddenLayers[1].PermanentlyDeadCount); // all incoming weights and biases ≤ 0
        Assert.Equal([NeuronState.DeadConstant, NeuronState.DeadZero], result.HiddenLayers[2].States);
        Assert.True(result.HiddenLayers[2].IsTentativelyDead(0));  // positive weights and bias
        Assert.True(result.HiddenLayers[2].IsPermanentlyDead(1));  // W ≤ 0, b ≤ 0
        Assert.Equal(1, result.HiddenLayers[2].TentativelyDeadCount);
        Assert.Equal(NeuronState.DeadConstant, result.OutputStates[0]);

        var propagator = new PiecewiseLinearPropagator();
        Assert.Equal(2, PiecewiseLinearCollapse.FirstDeadLayer(propagator, a, parameters));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public void Composed_tent_maps_have_two_to_the_depth_regions(int depth)
    {
        // u = (x + 1)/2 ∈ [0, 1]; T(u) = 2 relu(u) − 4 relu(u − ½) is the tent map; the output is T^depth(u).
        // Every breakpoint is dyadic, so the arithmetic is exact and the count must be exactly 2^depth.
        var p = new PiecewiseLinearPropagator(maxWidth: 2);
        p.Start(1);
        p.ApplyLayer([0.5, 0.5], [0.5, 0], fanOut: 2, relu: true);
        for (int l = 2; l <= depth; l++)
            p.ApplyLayer([2, -4, 2, -4], [0, -0.5], fanOut: 2, relu: true);
        p.ApplyLayer([2, -4], [0], fanOut: 1, relu: false);

        Assert.Equal(1 << depth, p.LinearRegionCount);
        Assert.Equal((1 << depth) - 1, p.BreakpointCount);
        var y = new double[1];
        p.Evaluate(-1, y);
        Assert.Equal(0, y[0]);
        p.Evaluate(-1 + 1.0 / (1 << (depth - 1)), y); // u = 2^-depth: the first peak
        Assert.Equal(1, y[0]);
    }

    [Fact]
    public void The_identity_layer_keeps_breakpoints_and_no_relu_means_no_new_ones()
    {
        var p = new PiecewiseLinearPropagator();
        p.Start(2);
        p.ApplyLayer([1], [-1], fanOut: 1, relu: false); // x − 1 changes sign at 1 but is not rectified
        Assert.Equal(0, p.BreakpointCount);
        Assert.Equal(NeuronState.Active, p.StateOf(0));
        p.ApplyLayer([1], [], fanOut: 1, relu: true);    // relu(x − 1) on [−2, 2]: kink at 1
        Assert.Equal([1.0], p.Breakpoints.ToArray());
        Assert.Equal(2, p.Radius);
    }

    [Fact]
    public void A_dead_region_drops_the_breakpoints_inside_it()
    {
        // Layer 1: relu(x + ½), relu(x − ½) with kinks at ∓½. Layer 2: relu(h₁ − 2) is 0 everywhere on [−1, 1]
        // (h₁ ≤ 1.5), so both kinks disappear and nothing is left to mark them.
        var p = new PiecewiseLinearPropagator();
        p.Start(1);
        p.ApplyLayer([1, 1], [0.5, -0.5], fanOut: 2, relu: true);
        Assert.Equal(2, p.BreakpointCount);
        var report = p.ApplyLayer([1, 0], [-2], fanOut: 1, relu: true);
        Assert.True(report.IdenticallyZero);
        Assert.Equal(0, p.BreakpointCount);
        Assert.Equal(NeuronState.DeadZero, p.StateOf(0));
    }

    [Fact]
    public void Homogeneity_finds_the_layer_where_both_signs_have_died()
    {
        // Bias-free 1 → [1 × 3] → 1: relu(x) is zero at −1 only; then relu(−h) is zero at both.
        var a = new NetworkArchitecture(width: 1, depth: 3, bias: false);
        double[] parameters = [1, -1, 1, 1];
        Assert.Equal(2, HomogeneityAnalysis.FirstDeadLayer(a, parameters));
        Assert.Equal(2, NetworkAnalysis.Analyze(a, parameters).FirstDeadLayer);
        Assert.Equal(0, HomogeneityAnalysis.FirstDeadLayer(a, [1, 1, 1, 1]));
    }
}
