using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

/// <summary>The polygon analysis (2-D input) on hand-built networks whose answers are known.</summary>
public class PlanarHandBuiltTests
{
    // 2 → [1] → 1, layout [w1, w2, b, v, d]: the neuron relu(x + y − 2.5) peaks at 2r − 2.5 at the corner (r, r).
    private static readonly NetworkArchitecture Single = new(1, 1, inputDim: 2);
    private static readonly double[] CornerNeuron = [1, 1, -2.5, 1, 0];

    // 2 → [3] → [3] → 1. Layer 1: h1 = relu(x + y − 1.9), h2 = relu(x − 0.955), h3 = relu(y − 0.955). Layer 2:
    // g = relu(h1 − 10 h2 − 10 h3) and two neurons relu(−1) = 0. g > 0 exactly on a region near the corner (1, 1) that
    // contains the triangle x + y > 1.9, x < 0.955, y < 0.955 (g = 0.01 at (0.955, 0.955)) and no point of the
    // 101 × 101 grid: the nearest grid points, 0.94 and 0.96 per axis, give h1 ≤ 0 or 10 h2 + 10 h3 ≥ 0.1 > h1.
    private static readonly NetworkArchitecture Corner = new(3, 2, inputDim: 2);
    private static readonly double[] CornerRegion =
    [
        1, 1, 1, 0, 0, 1, -1.9, -0.955, -0.955,
        1, -10, -10, 0, 0, 0, 0, 0, 0, 0, -1, -1,
        1, 0, 0, 0,
    ];

    [Fact]
    public void A_neuron_dead_on_the_unit_square_is_alive_on_a_larger_one()
    {
        var small = NetworkAnalysis.AnalyzePlanar(Single, CornerNeuron, radius: 1);
        Assert.Equal(NeuronState.DeadZero, small.StateOf(1, 0));
        Assert.Equal(1, small.FirstDeadLayer);
        Assert.True(small.IsConstant);
        Assert.Equal(DetectionMethod.ExactPolygons, small.Method);
        Assert.True(small.IsExact);

        var large = NetworkAnalysis.AnalyzePlanar(Single, CornerNeuron, radius: 1.5);
        Assert.Equal(NeuronState.Active, large.StateOf(1, 0));
        Assert.Equal(0, large.FirstDeadLayer);
        Assert.False(large.IsConstant);
    }

    [Fact]
    public void A_layer_alive_only_between_grid_points_is_found_alive_where_the_grid_calls_it_dead()
    {
        var grid = SampledDeadness.Analyze(Corner, CornerRegion, PointSets.Grid(2, 101, 1));
        Assert.Equal(2, grid.FirstDeadLayer);

        var exact = NetworkAnalysis.AnalyzePlanar(Corner, CornerRegion);
        Assert.Equal(0, exact.FirstDeadLayer);
        Assert.Equal(NeuronState.Active, exact.StateOf(2, 0));
        Assert.Equal([NeuronState.DeadZero, NeuronState.DeadZero], exact.HiddenLayers[1].States.Skip(1));
        Assert.False(exact.IsConstant);

        // A witness inside the triangle: h1(0.954, 0.954) = 0.008 and h2 = h3 = 0, so g = 0.008.
        var layers = PlanarNetworks.Forward(Corner, CornerRegion, new PlanarPoint(0.954, 0.954), out _);
        Assert.True(layers[2][0] > 0);
    }

    [Fact]
    public void A_neuron_zero_along_an_edge_and_negative_inside_is_dead_without_a_cut()
    {
        // relu(x − 1) on [−1, 1]²: pre-activation 0 on the edge x = 1 (two vertices) and < 0 elsewhere.
        var p = new PlanarPropagator();
        p.Start(1);
        var report = p.ApplyLayer([1, 0], [-1], 1, relu: true);
        Assert.True(report.IdenticallyZero);
        Assert.Single(p.Regions);
        Assert.Equal(NeuronState.DeadZero, p.StateOf(0));
    }

    [Fact]
    public void Proportional_neurons_cut_once()
    {
        // The same line 0.1x + 0.3y + 0.07 = 0 three times, scaled: the computed crossings differ by rounding only.
        var p = new PlanarPropagator();
        p.Start(1);
        p.ApplyLayer([0.1, 0.3, 0.3, 0.9, -0.7, -2.1], [0.07, 0.21, -0.49], 3, relu: true);
        Assert.Equal(2, p.Regions.Count);
        Assert.Equal(4.0, p.Regions.Sum(r => r.Area), 12);
    }

    [Fact]
    public void Lines_through_the_origin_closer_than_the_snap_distance_cut_once()
    {
        // relu(y) and relu(y − 1e-17·x): the second line's crossings of the first one's halves lie 1e-17 from a vertex,
        // within 16ε·r, so they are placed on it and the second neuron makes no cut.
        var p = new PlanarPropagator();
        p.Start(1);
        p.ApplyLayer([0, 1, -1e-17, 1], [], 2, relu: true);
        Assert.Equal(2, p.Regions.Count);
        Assert.Equal(4.0, p.Regions.Sum(r => r.Area));

        // 1e-13 apart (wider than 16ε·r ≈ 3.6e-15): four polygons.
        var wide = new PlanarPropagator();
        wide.Start(1);
        wide.ApplyLayer([0, 1, -1e-13, 1], [], 2, relu: true);
        Assert.Equal(4, wide.Regions.Count);
    }

    [Fact]
    public void A_zero_bias_network_of_the_default_two_dimensional_study_is_collapsed()
    {
        // Run 139 of `train-collapse --target abs-sum-diff` (seed 1): He normal without biases, float parameters. Every
        // line passes through the origin; before cuts leaving pieces narrower than 16ε·r were refused, wedges ~1e-16 rad
        // wide kept layer 6 "alive" by rounding alone and the network was reported not collapsed.
        var a = new NetworkArchitecture(4, 9, inputDim: 2, outputDim: 2);
        var single = new float[a.ParameterCount];
        var rng = new CounterRng(1, 139);
        NormalInitializer.HeWithoutBias.Initialize(a, single, ref rng);
        var analysis = NetworkAnalysis.AnalyzePlanar(a, [.. single.Select(w => (double)w)]);
        Assert.Equal(6, analysis.FirstDeadLayer);
        Assert.True(analysis.IsConstant);
    }

    [Fact]
    public void A_constant_layer_after_a_dead_one_is_dead_constant_with_the_bias_path_value()
    {
        // Layer 1 is relu(x + y − 3), dead on [−1, 1]²; layer 2 is relu(3·0 + 0.5) = 0.5 everywhere.
        var a = new NetworkArchitecture(1, 2, inputDim: 2, outputDim: 1);
        double[] parameters = [1, 1, -3, 3, 0.5, 2, 0.25];
        var analysis = NetworkAnalysis.AnalyzePlanar(a, parameters);
        Assert.Equal(NeuronState.DeadZero, analysis.StateOf(1, 0));
        Assert.Equal(NeuronState.DeadConstant, analysis.StateOf(2, 0));
        Assert.True(analysis.IsConstant);
    }

    [Fact]
    public void Beyond_the_polygon_cap_it_throws_instead_of_growing()
    {
        // relu(x), relu(y): four quadrants, more than a cap of 3.
        var p = new PlanarPropagator(maxRegions: 3);
        p.Start(1);
        var error = Assert.Throws<InvalidOperationException>(() => p.ApplyLayer([1, 0, 0, 1], [], 2, relu: true));
        Assert.Contains("more than 3 polygons", error.Message);

        var roomy = new PlanarPropagator(maxRegions: 4);
        roomy.Start(1);
        roomy.ApplyLayer([1, 0, 0, 1], [], 2, relu: true);
        Assert.Equal(4, roomy.Regions.Count);
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => NetworkAnalysis.AnalyzePlanar(new NetworkArchitecture(2, 1), new double[new NetworkArchitecture(2, 1).ParameterCount]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkAnalysis.AnalyzePlanar(Single, CornerNeuron, radius: 0));
        Assert.Throws<InvalidOperationException>(() => new PlanarPropagator().ApplyLayer([1, 0], [], 1, relu: true));
        var p = new PlanarPropagator();
        p.Start(1);
        Assert.Throws<ArgumentException>(() => p.ApplyLayer([1, 0, 0], [], 1, relu: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlanarPropagator(0));
    }
}
