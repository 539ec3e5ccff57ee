using ReluKernels.Tests.Rng;

namespace ReluKernels.Tests.Initialization;

/// <summary>
/// RAI (Lu, Shin, Su &amp; Karniadakis 2020): every row [W_j, b_j] of m = fan_in + 1 entries holds one Beta(2, 1) entry at a
/// uniform index and N(0, σ²/fan_in) elsewhere. Expected values are the definition's moments (docs/rng-and-initializers.md#rai).
/// </summary>
public sealed class RandomizedAsymmetricInitializerTests
{
    private static readonly LayerShape Layer = new(2, FanIn: 8, FanOut: 8, HasBias: true);
    private const int Entries = 9; // fan_in + 1
    private const int Layers = 20_000; // 160 000 rows, 1.44·10⁶ entries

    /// <summary>Every entry of every row of <see cref="Layers"/> layers drawn from one stream, row-major [W_j, b_j].</summary>
    private static double[] Rows(RandomizedAsymmetricInitializer rai, ulong seed)
    {
        var rng = new CounterRng(seed, 3);
        var w = new double[Layer.FanOut * Layer.FanIn];
        var b = new double[Layer.FanOut];
        var rows = new double[Layers * Layer.FanOut * Entries];
        int next = 0;
        for (int n = 0; n < Layers; n++)
        {
            rai.DrawLayer(Layer, w.AsSpan(), b.AsSpan(), ref rng);
            for (int j = 0; j < Layer.FanOut; j++)
            {
                w.AsSpan(j * Layer.FanIn, Layer.FanIn).CopyTo(rows.AsSpan(next));
                rows[next + Layer.FanIn] = b[j];
                next += Entries;
            }
        }
        return rows;
    }

    [Fact]
    public void The_asymmetric_entry_is_beta_two_one_at_a_uniform_index()
    {
        // σ = 1e-9 makes the Q-entries vanish next to the Beta entry, which isolates it: exactly one per row is ≥ 1e-6.
        var rows = Rows(new RandomizedAsymmetricInitializer(1e-9), 7);
        var values = new List<double>();
        var position = new long[Entries];
        for (int r = 0; r < rows.Length; r += Entries)
        {
            int found = -1;
            for (int k = 0; k < Entries; k++)
                if (Math.Abs(rows[r + k]) >= 1e-6)
                {
                    Assert.Equal(-1, found);
                    found = k;
                }
            Assert.NotEqual(-1, found);
            position[found]++;
            values.Add(rows[r + found]);
        }
        long total = rows.Length / Entries;
        for (int k = 0; k < Entries; k++)
            Assert.True(StatisticalAssert.BinomialTwoSided(position[k], total, 1.0 / Entries) > StatisticalAssert.Alpha,
                $"entry {k} asymmetric in {position[k]}/{total} rows, expected 1/{Entries}");
        // Beta(2, 1): F(x) = x², mean 2/3, variance 1/2 − 4/9 = 1/18.
        var xi = values.ToArray();
        Assert.All(xi, x => Assert.InRange(x, 0, 1));
        StatisticalAssert.CountBelow(xi, 0.5, 0.25, "Beta(2, 1) below 1/2");
        StatisticalAssert.CountBelow(xi, 0.9, 0.81, "Beta(2, 1) below 0.9");
        StatisticalAssert.Moments(xi, 2.0 / 3, 1.0 / 18, BetaFourthCentral(), "Beta(2, 1)");
    }

    [Fact]
    public void Each_entry_is_the_mixture_of_the_definition()
    {
        // An entry is Beta(2, 1) with probability p = 1/m, else N(0, s²) with s² = σ²/fan_in.
        var rai = RandomizedAsymmetricInitializer.Default;
        var rows = Rows(rai, 8);
        double p = 1.0 / Entries, s2 = 0.6007 * 0.6007 / Layer.FanIn;
        double mean = p * 2 / 3;
        double variance = p * 0.5 + (1 - p) * s2 - mean * mean;
        double fourth = p * BetaCentralAbout(mean) + (1 - p) * (3 * s2 * s2 + 6 * s2 * mean * mean + Math.Pow(mean, 4));
        StatisticalAssert.Moments(rows, mean, variance, fourth, "RAI entries");
        // Beta(2, 1) is never negative: P(entry < 0) = (1 − p)/2.
        StatisticalAssert.CountBelow(rows, 0, (1 - p) / 2, "RAI entries below 0");
    }

    [Fact]
    public void Without_biases_the_beta_entry_is_among_the_weights()
    {
        var rng = new CounterRng(9, 0);
        var w = new double[4 * 3];
        new RandomizedAsymmetricInitializer(1e-9).DrawLayer(new LayerShape(1, 3, 4, HasBias: false), w.AsSpan(), Span<double>.Empty, ref rng);
        for (int j = 0; j < 4; j++)
            Assert.Equal(1, w.AsSpan(j * 3, 3).ToArray().Count(x => x >= 1e-6));
    }

    [Fact]
    public void The_same_stream_gives_the_same_network()
    {
        var arch = new NetworkArchitecture(width: 5, depth: 3, inputDim: 2);
        var a = new double[arch.ParameterCount];
        var b = new double[arch.ParameterCount];
        var r1 = new CounterRng(11, 4);
        var r2 = new CounterRng(11, 4);
        RandomizedAsymmetricInitializer.Default.Initialize(arch, a, ref r1);
        RandomizedAsymmetricInitializer.Default.Initialize(arch, b, ref r2);
        Assert.Equal(a, b);
        var r3 = new CounterRng(11, 5);
        RandomizedAsymmetricInitializer.Default.Initialize(arch, b, ref r3);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Sigma_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomizedAsymmetricInitializer(0));

    /// <summary>E[(ξ − c)⁴] for ξ ~ Beta(2, 1), from its raw moments E[ξʳ] = 2/(r + 2).</summary>
    private static double BetaCentralAbout(double c)
    {
        static double M(int r) => 2.0 / (r + 2);
        return M(4) - 4 * c * M(3) + 6 * c * c * M(2) - 4 * c * c * c * M(1) + Math.Pow(c, 4);
    }

    private static double BetaFourthCentral() => BetaCentralAbout(2.0 / 3);
}
