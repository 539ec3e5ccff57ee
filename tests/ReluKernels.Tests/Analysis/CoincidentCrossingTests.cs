using FsCheck.Xunit;
using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

/// <summary>
/// Neurons whose pre-activations are proportional cross zero at the same x in exact arithmetic, but their computed
/// crossings differ by an ulp or two. They must give one breakpoint and one kink, not a sliver of noise slopes.
/// </summary>
public class CoincidentCrossingTests
{
    [Fact]
    public void A_found_case_near_the_left_end_has_one_kink()
    {
        // Found by a search: before crossings were snapped, these two neurons gave points 1 ulp apart and 3 regions.
        var p = new PiecewiseLinearPropagator();
        p.Start(1);
        p.ApplyLayer([-0.06277078232572163, -0.048285217173632024], [-0.06271396322055081, -0.048241510169654465], 2, relu: true);
        p.ApplyLayer([0.08407919916163169, 1.5609568335913773], [], 1, relu: false);
        Assert.Equal(1, p.BreakpointCount);
        Assert.Equal(2, p.LinearRegionCount);
    }

    [Property(MaxTest = 300)]
    public void Proportional_neurons_give_one_breakpoint_and_one_kink(ulong seed, byte count)
    {
        var rng = new CounterRng(seed, 3);
        int n = 2 + count % 7;
        double w = rng.NextNormalDouble(), b = (2 * rng.NextDouble() - 1) * 0.99 * Math.Abs(w); // crossing −b/w inside Ω
        var weights = new double[n];
        var biases = new double[n];
        var v = new double[n];
        double change = 0, size = 0;
        for (int i = 0; i < n; i++)
        {
            double k = (1 + rng.NextUInt32() % 9) * (1 + 0.1 * (rng.NextUInt32() % 10)) * (rng.NextUInt32() % 2 == 0 ? 1 : -1);
            weights[i] = k * w;
            biases[i] = k * b;
            v[i] = rng.NextNormalDouble();
            change += v[i] * Math.Abs(weights[i]); // right slope − left slope of Σ v_i relu(w_i x + b_i)
            size += Math.Abs(v[i] * weights[i]);
        }
        var p = new PiecewiseLinearPropagator();
        p.Start(1);
        p.ApplyLayer(weights, biases, n, relu: true);
        p.ApplyLayer(v, [], 1, relu: false);

        Assert.True(p.BreakpointCount <= 1, $"{p.BreakpointCount} breakpoints for one exact crossing");
        if (Math.Abs(change) > 1e-6 * size)
            Assert.Equal(2, p.LinearRegionCount);
        else
            Assert.InRange(p.LinearRegionCount, 1, 2);
    }

    [Theory]
    [InlineData(0.1, 0.03, 1e-12)]
    [InlineData(3.0, 1.0, 1e-10)]
    [InlineData(0.7, 0.3, 1e-8)]
    public void A_spurious_point_next_to_a_sliver_is_not_a_kink(double a, double b, double gap)
    {
        // relu(ax + b) − relu(−ax − b) = ax + b has a spurious point at c = −b/a; a third neuron relu(x − c − gap) adds a
        // point `gap` to its right. Values carry ~1e-17 of rounding, so a slope across the sliver is off by ~1e-17/gap
        // — far above RelativeSlopeTolerance·|a| — and only the rounding term of the tolerance keeps the count right.
        double c = -b / a;
        var p = new PiecewiseLinearPropagator();
        p.Start(1);
        p.ApplyLayer([a, -a, 1], [b, -b, -(c + gap)], 3, relu: true);
        var state = p.Breakpoints.ToArray();
        p.ApplyLayer([1, -1, 0], [], 1, relu: false); // ignores the third neuron: affine, one region
        Assert.Equal(2, p.BreakpointCount);
        Assert.Equal(1, p.LinearRegionCount);

        p.Start(1);
        p.ApplyLayer([a, -a, 1], [b, -b, -(c + gap)], 3, relu: true);
        Assert.Equal(state, p.Breakpoints.ToArray());
        p.ApplyLayer([1, -1, 1], [], 1, relu: false); // the third neuron's kink at c + gap is real: two regions
        Assert.Equal(2, p.LinearRegionCount);
    }
}
