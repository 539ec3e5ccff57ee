using ReluKernels.Compositional;

namespace ReluKernels.Tests.Compositional;

/// <summary>The four-neuron construction reproduces x ∓ Σ s_i W_i (Milkert et al. 2023, §3) to the derived rounding bound.</summary>
public class ConstructionTests
{
    private static readonly double[] Grid = [.. Enumerable.Range(0, 257).Select(j => j / 256.0)];

    public static TheoryData<int, WaveSign> DepthsAndSigns()
    {
        var data = new TheoryData<int, WaveSign>();
        for (int d = 1; d <= 12; d++)
            foreach (var sign in Enum.GetValues<WaveSign>())
                data.Add(d, sign);
        return data;
    }

    [Theory]
    [MemberData(nameof(DepthsAndSigns))]
    public void Double_network_equals_the_closed_form(int depth, WaveSign sign)
    {
        var network = Constructions.Differentiable(depth, seed: 19, sign);
        var p = Constructions.Parameters(network);
        var y = new double[Grid.Length];
        new GenericNetwork<double>(network.Architecture).Forward(p, Grid, y);
        for (int s = 0; s < Grid.Length; s++)
        {
            double bound = CompositionalTolerances.Bound(network, p, Grid[s], CompositionalTolerances.DoubleUnitRoundoff);
            Assert.True(Math.Abs(y[s] - network.Evaluate(Grid[s])) <= bound,
                $"x = {Grid[s]}: network {y[s]:R}, closed form {network.Evaluate(Grid[s]):R}, bound {bound:E2}");
        }
    }

    [Theory]
    [MemberData(nameof(DepthsAndSigns))]
    public void Float_network_equals_the_closed_form(int depth, WaveSign sign)
    {
        var network = Constructions.Differentiable(depth, seed: 23, sign);
        var p = new float[network.Architecture.ParameterCount];
        network.WriteParameters<float>(p);
        var stored = p.Select(v => (double)v).ToArray();
        float[] x = [.. Grid.Select(v => (float)v)];
        var y = new float[x.Length];
        new GenericNetwork<float>(network.Architecture).Forward(p, x, y);
        for (int s = 0; s < x.Length; s++)
        {
            double bound = CompositionalTolerances.Bound(network, stored, x[s], CompositionalTolerances.FloatUnitRoundoff);
            Assert.True(Math.Abs(y[s] - network.Evaluate(x[s])) <= bound, $"x = {x[s]}: {y[s]} vs {network.Evaluate(x[s])}, bound {bound:E2}");
        }
    }

    [Fact]
    public void The_bound_is_tight_enough_to_catch_a_wrong_weight()
    {
        var network = Constructions.Differentiable(8, seed: 19);
        var p = Constructions.Parameters(network);
        p[network.Architecture.WeightOffset(5) + 4 * 1 + 1] *= 1 + 1e-9; // one t1 weight of layer 5, 1e-9 off
        var y = new double[Grid.Length];
        new GenericNetwork<double>(network.Architecture).Forward(p, Grid, y);
        Assert.Contains(Enumerable.Range(0, Grid.Length), s =>
            Math.Abs(y[s] - network.Evaluate(Grid[s])) > CompositionalTolerances.Bound(network, p, Grid[s], CompositionalTolerances.DoubleUnitRoundoff));
    }

    [Fact]
    public void All_half_peaks_with_quarter_scales_approach_x_squared()
    {
        // Yarotsky (2017): x − Σ 4^{−(i+1)} W_i(x) with a_i = 1/2 interpolates x² at the 2^d + 1 dyadic points.
        const int depth = 10;
        var network = new CompositionalNetwork(Enumerable.Repeat(0.5, depth).ToArray(),
            Enumerable.Range(0, depth).Select(i => Math.Pow(4, -(i + 1))).ToArray());
        for (int j = 0; j <= 1 << depth; j++)
        {
            double x = j / (double)(1 << depth);
            Assert.Equal(x * x, network.Evaluate(x), 1e-14);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_peak_outside_the_open_unit_interval_is_rejected(double peak)
    {
        var e = Assert.Throws<ArgumentException>(() => new CompositionalNetwork([0.5, peak], [0.1, 0.01]));
        Assert.Contains("a_1", e.Message, StringComparison.Ordinal);
        Assert.Contains("(0, 1)", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DifferentiabilityCondition.Scales([0.5, peak, 0.5], 0.1, new double[2]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CompositionalNetwork.MaxDepth + 1)]
    public void A_depth_outside_the_supported_range_is_rejected(int depth)
    {
        var e = Assert.Throws<ArgumentException>(() => new CompositionalNetwork(new double[depth], new double[depth]));
        Assert.Contains("supported range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scales_must_be_positive_and_one_per_peak()
    {
        Assert.Contains("s_1", Assert.Throws<ArgumentException>(() => new CompositionalNetwork([0.5, 0.5], [0.1, -0.01])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CompositionalNetwork([0.5, 0.5], [0.1]));
    }
}
