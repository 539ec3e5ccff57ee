using FsCheck.Xunit;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Theory;

/// <summary>Shin &amp; Karniadakis 2020, Lemma 12 (Eqs. (12)–(13)): π_t = π₀P₁⋯P_t and the mixed-binomial rows. Products worked by hand.</summary>
public class ActiveNeuronChainTests
{
    [Fact]
    public void InitialDistributionIsTheLastUnitVector() =>
        Assert.Equal([0.0, 0, 0, 1], ActiveNeuronChain.InitialDistribution(3));

    [Fact]
    public void TwoStepProductByHand()
    {
        // n₀ = 1, n₁ = 2, n₂ = 1.
        // P₁ = [[1, 0, 0], [1/4, 1/2, 1/4]] → π₁ = [1/4, 1/2, 1/4].
        // P₂ = [[1, 0], [1/2, 1/2], [1/4, 3/4]] → π₂[0] = 1/4 + 1/2·1/2 + 1/4·1/4 = 9/16, π₂[1] = 1/4 + 3/16 = 7/16.
        double[,] p1 = { { 1, 0, 0 }, { 0.25, 0.5, 0.25 } };
        double[,] p2 = { { 1, 0 }, { 0.5, 0.5 }, { 0.25, 0.75 } };
        Assert.Equal([0.25, 0.5, 0.25], ActiveNeuronChain.Distribution(1, p1));
        double[] pi2 = ActiveNeuronChain.Distribution(1, p1, p2);
        Assert.Equal(9.0 / 16, pi2[0], 1e-15);
        Assert.Equal(7.0 / 16, pi2[1], 1e-15);
        Assert.Equal(pi2, ActiveNeuronChain.Step([0.25, 0.5, 0.25], p2));
        Assert.Equal([0.0, 1], ActiveNeuronChain.Distribution(1)); // no transitions: π₀
    }

    [Fact]
    public void MixtureRowByHand()
    {
        // n = 2, half p = 1/2 and half p = 1/4:
        // j = 0: ½·¼ + ½·1/16 = 5/32; j = 1: ½·½ + ½·6/16 = 14/32; j = 2: ½·¼ + ½·9/16 = 13/32.
        double[] row = ActiveNeuronChain.MixtureRow(2, [0.5, 0.5], [0.5, 0.25]);
        Assert.Equal(5.0 / 32, row[0], 1e-15);
        Assert.Equal(14.0 / 32, row[1], 1e-15);
        Assert.Equal(13.0 / 32, row[2], 1e-15);
        // Degenerate p: all dead / all alive.
        Assert.Equal([1.0, 0, 0, 0], ActiveNeuronChain.MixtureRow(3, [1.0], [1.0]));
        Assert.Equal([0.0, 0, 0, 1], ActiveNeuronChain.MixtureRow(3, [1.0], [0.0]));
    }

    [Fact]
    public void ChainsWithTheFirstLayerTransitionOfLemma13()
    {
        double[,] p1 = ShallowTrainability.FirstLayerTransition(LayerScheme.NormalWithBias, 4, 2, 1.5);
        Assert.Equal(ShallowTrainability.ActiveCountDistribution(LayerScheme.NormalWithBias, 4, 2, 1.5), ActiveNeuronChain.Distribution(2, p1));
    }

    [Property(MaxTest = 200)]
    public void RandomStochasticProductsStayDistributions(byte[] sizesRaw, int seed)
    {
        var rng = new Random(seed);
        int n0 = 1 + (sizesRaw.Length > 0 ? sizesRaw[0] % 4 : 0);
        var sizes = new List<int> { n0 };
        for (int t = 1; t < Math.Min(sizesRaw.Length, 5); t++)
            sizes.Add(1 + sizesRaw[t] % 6);
        var transitions = new double[sizes.Count - 1][,];
        for (int t = 1; t < sizes.Count; t++)
        {
            var p = new double[sizes[t - 1] + 1, sizes[t] + 1];
            for (int i = 0; i <= sizes[t - 1]; i++)
            {
                double sum = 0;
                for (int j = 0; j <= sizes[t]; j++)
                    sum += p[i, j] = rng.NextDouble();
                for (int j = 0; j <= sizes[t]; j++)
                    p[i, j] /= sum;
            }
            transitions[t - 1] = p;
        }
        double[] pi = ActiveNeuronChain.Distribution(n0, transitions);
        Assert.Equal(sizes[^1] + 1, pi.Length);
        Assert.All(pi, v => Assert.InRange(v, 0, 1));
        Assert.Equal(1.0, pi.Sum(), 1e-12);
    }

    [Property(MaxTest = 200)]
    public void MixtureRowsSumToOne(byte nRaw, byte kRaw, int seed)
    {
        var rng = new Random(seed);
        int n = 1 + nRaw, k = 1 + kRaw % 7;
        var w = new double[k];
        var p = new double[k];
        for (int i = 0; i < k; i++)
        {
            w[i] = 1.0 / k;
            p[i] = rng.NextDouble();
        }
        double[] row = ActiveNeuronChain.MixtureRow(n, w, p);
        Assert.Equal(n + 1, row.Length);
        Assert.Equal(1.0, row.Sum(), 1e-12);
    }

    [Fact]
    public void InvalidMatricesAndDistributionsAreRejected()
    {
        double[,] good = { { 1, 0 }, { 0.5, 0.5 } };
        TheoryAssert.Invalid("transitions[0]", () => ActiveNeuronChain.Distribution(2, good));                  // 2 rows, needs 3
        TheoryAssert.Invalid("transitions[1]", () => ActiveNeuronChain.Distribution(1, good, new double[3, 2])); // 3 rows, needs 2
        TheoryAssert.Invalid("transitions[0]", () => ActiveNeuronChain.Distribution(1, new double[,] { { 1, 0 }, { 0.6, 0.6 } }));
        TheoryAssert.Invalid("transitions[0]", () => ActiveNeuronChain.Distribution(1, new double[,] { { 1, 0 }, { 1.5, -0.5 } }));
        TheoryAssert.Invalid("transitions[0]", () => ActiveNeuronChain.Distribution(1, new double[,] { { 1, 0 }, { double.NaN, 1 } }));
        TheoryAssert.Invalid("transitions[0]", () => ActiveNeuronChain.Distribution(1, (double[,])null!));
        TheoryAssert.Invalid("transition", () => ActiveNeuronChain.Step([0.5, 0.5], null!));
        TheoryAssert.Invalid("distribution", () => ActiveNeuronChain.Step([0.5, 0.4], good));
        TheoryAssert.Invalid("distribution", () => ActiveNeuronChain.Step([], good));
        TheoryAssert.Invalid("transition", () => ActiveNeuronChain.Step([0.2, 0.3, 0.5], good));
        TheoryAssert.OutOfRange("inputDim", () => ActiveNeuronChain.InitialDistribution(0));
        TheoryAssert.Invalid("deathProbabilities", () => ActiveNeuronChain.MixtureRow(2, [1.0], [0.5, 0.5]));
        TheoryAssert.Invalid("deathProbabilities", () => ActiveNeuronChain.MixtureRow(2, [1.0], [1.2]));
        TheoryAssert.Invalid("weights", () => ActiveNeuronChain.MixtureRow(2, [0.5], [0.5]));
        TheoryAssert.OutOfRange("width", () => ActiveNeuronChain.MixtureRow(0, [1.0], [0.5]));
    }
}
