using FsCheck.Xunit;
using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

/// <summary>
/// Random He-normal networks (width 1..10, depth 1..12, with and without biases) held against a direct forward pass:
/// the piecewise-linear representation must reproduce the network everywhere on Ω, layer by layer.
/// </summary>
public class PropagationPropertyTests
{
    /// <summary>Absolute error allowed, as a fraction of the largest magnitude seen in this or any earlier layer.</summary>
    private const double RelativeTolerance = 1e-12;

    [Property(MaxTest = 100)]
    public void Evaluate_equals_a_direct_forward_pass_in_every_layer(byte width, byte depth, bool bias, ulong seed, byte radiusChoice)
    {
        var (a, p) = RandomNetworks.Make(width, depth, bias, seed);
        double r = (radiusChoice % 3) switch { 0 => 1, 1 => 0.25, _ => 3 };
        var rng = new CounterRng(seed, 1);
        double[] xs = [.. RandomNetworks.Grid(257, r), .. Enumerable.Range(0, 64).Select(_ => r * (2 * rng.NextDouble() - 1))];
        var direct = xs.Select(x => RandomNetworks.Forward(a, p, x)).ToArray();

        var propagator = new PiecewiseLinearPropagator();
        propagator.Start(r);
        double scale = r; // running max of |values| over layers 0..l: rounding errors scale with the inputs too
        for (int l = 1; l <= a.LayerCount; l++)
        {
            var report = propagator.ApplyLayer(RandomNetworks.Weights(a, p, l), RandomNetworks.Biases(a, p, l), a.LayerOutputs(l), RandomNetworks.Activates(a, l));
            Assert.Equal(a.LayerOutputs(l), propagator.Width);
            var states = Enumerable.Range(0, propagator.Width).Select(propagator.StateOf).ToArray();
            Assert.Equal(states.Count(s => s != NeuronState.Active), report.DeadNeurons);
            Assert.Equal(states.Count(s => s == NeuronState.DeadZero), report.ZeroNeurons);
            Assert.Equal(states.All(s => s == NeuronState.DeadZero), report.IdenticallyZero);

            // The grid, random points, and every breakpoint (where interpolation is most likely to go wrong).
            var points = xs.Zip(direct, (x, d) => (x, d[l])).Concat(propagator.Breakpoints.ToArray()
                .Select(x => (x, RandomNetworks.Forward(a, p, x)[l]))).ToArray();
            scale = Math.Max(scale, points.Max(q => q.Item2.Max(Math.Abs)));
            var y = new double[propagator.Width];
            foreach (var (x, expected) in points)
            {
                propagator.Evaluate(x, y);
                for (int j = 0; j < y.Length; j++)
                    Assert.True(Math.Abs(y[j] - expected[j]) <= RelativeTolerance * scale,
                        $"{a}, seed {seed}, r {r}: layer {l} neuron {j} at x = {x:R}: propagated {y[j]:R}, direct {expected[j]:R} (scale {scale:G3})");
            }
        }
    }

    [Property(MaxTest = 100)]
    public void Dense_sampling_never_contradicts_the_exact_verdict(byte width, byte depth, bool bias, ulong seed, bool tinyInput)
    {
        // tinyInput: W₁ scaled by 1e-9, so live neurons vary by ~1e-9 on Ω; a tolerance on constancy would call them dead.
        var (a, p) = RandomNetworks.Make(width, depth, bias, seed, firstLayerScale: tinyInput ? 1e-9 : 1);
        var exact = NetworkAnalysis.Analyze(a, p);
        var sampled = SampledStates.At(a, p, RandomNetworks.Grid(20001, 1));
        string context = $"{a}, seed {seed}";

        bool statesAgree = true;
        for (int l = 1; l <= a.LayerCount; l++)
            for (int j = 0; j < a.LayerOutputs(l); j++)
            {
                var pl = l <= a.Depth ? exact.StateOf(l, j) : exact.OutputStates[j];
                var s = sampled.States[l][j];
                if (s == NeuronState.Active)
                    Assert.True(pl == NeuronState.Active, $"{context}: layer {l} neuron {j} takes two values on the grid but is {pl}");
                if (pl == NeuronState.DeadZero)
                    Assert.True(s == NeuronState.DeadZero, $"{context}: layer {l} neuron {j} is DeadZero but nonzero on the grid");
                if (pl == NeuronState.DeadConstant)
                    Assert.True(s == NeuronState.DeadConstant, $"{context}: layer {l} neuron {j} is DeadConstant but {s} on the grid");
                statesAgree &= s == pl;
            }

        // A finite grid can only over-report deadness: its first all-zero layer is never later than the exact one.
        int exactFirst = exact.FirstDeadLayer, sampledFirst = sampled.FirstDeadLayer;
        Assert.True(Later(exactFirst, sampledFirst) || exactFirst == sampledFirst,
            $"{context}: the grid's first dead layer {sampledFirst} is later than the exact {exactFirst}");
        if (statesAgree)
            Assert.Equal(exactFirst, sampledFirst);
        Assert.Equal(exactFirst, PiecewiseLinearCollapse.FirstDeadLayer(new PiecewiseLinearPropagator(), a, p));
        Assert.Equal(exact.FirstDeadLayer != 0, exact.IsCollapsed);
        if (exact.IsCollapsed)
            Assert.True(exact.IsConstant, $"{context}: collapsed at layer {exactFirst} but the output is not constant");

        // Permanently dead (layer > 1): dead with every incoming weight and the bias ≤ 0; such a neuron is always zero.
        for (int l = 2; l <= a.Depth; l++)
        {
            var layer = exact.HiddenLayers[l - 1];
            var w = RandomNetworks.Weights(a, p, l).ToArray();
            var b = RandomNetworks.Biases(a, p, l).ToArray();
            for (int j = 0; j < a.Width; j++)
            {
                bool nonPositive = w.Skip(j * a.Width).Take(a.Width).All(v => v <= 0) && (b.Length == 0 || b[j] <= 0);
                bool dead = layer.States[j] != NeuronState.Active;
                Assert.Equal(dead && nonPositive, layer.IsPermanentlyDead(j));
                Assert.Equal(dead && !nonPositive, layer.IsTentativelyDead(j));
                if (nonPositive)
                    Assert.Equal(NeuronState.DeadZero, layer.States[j]);
            }
        }
    }

    /// <summary>Whether first-dead-layer <paramref name="x"/> is later than <paramref name="y"/>, with 0 meaning "never".</summary>
    private static bool Later(int x, int y) => (x == 0 ? int.MaxValue : x) > (y == 0 ? int.MaxValue : y);

    [Property(MaxTest = 200)]
    public void Homogeneity_and_propagation_agree_exactly_without_biases(byte width, byte depth, ulong seed, byte radiusChoice)
    {
        var (a, p) = RandomNetworks.Make(width, depth, bias: false, seed);
        // Powers of two scale every rounding exactly, so the verdict must not change with them.
        double r = (radiusChoice % 3) switch { 0 => 1, 1 => 0.5, _ => 4 };
        int homogeneity = HomogeneityAnalysis.FirstDeadLayer(a, p);
        Assert.Equal(homogeneity, NetworkAnalysis.Analyze(a, p, r).FirstDeadLayer);
        Assert.Equal(homogeneity, PiecewiseLinearCollapse.FirstDeadLayer(new PiecewiseLinearPropagator(), a, p, r));
    }

    [Property(MaxTest = 100)]
    public void Linear_regions_match_the_slope_changes_seen_on_a_fine_grid(byte width, byte depth, bool bias, ulong seed)
    {
        var (a, p) = RandomNetworks.Make(width, depth, bias, seed);
        RegionCheck.Run(a, p, $"{a}, seed {seed}");
    }

    [Fact]
    public void The_region_property_is_decidable_for_most_networks()
    {
        // Guards the property above against passing vacuously: most random networks must satisfy its preconditions.
        int checkedLayers = 0, layers = 0;
        for (ulong seed = 0; seed < 60; seed++)
        {
            var (a, p) = RandomNetworks.Make((byte)seed, (byte)(seed * 7 / 3), bias: seed % 3 != 0, seed);
            checkedLayers += RegionCheck.Run(a, p, $"{a}, seed {seed}");
            layers += a.LayerCount;
        }
        Assert.True(checkedLayers >= 0.7 * layers, $"only {checkedLayers} of {layers} layers could be checked");
    }
}
