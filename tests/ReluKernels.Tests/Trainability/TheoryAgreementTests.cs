using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.Theory;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Tests.Trainability;

/// <summary>
/// Shin &amp; Karniadakis's closed forms against exact simulation, by the docs/statistics.md protocol: exact statements two-sided, bounds
/// one-sided, α = 1e-6 (per-bin tests Bonferroni-corrected), fixed seeds (FsCheck's replay seeds pin the generated cases).
/// </summary>
public sealed class TheoryAgreementTests
{
    public static Arbitrary<(int Dim, double Radius, int Width, int Required)> FirstLayers() =>
        (from d in Gen.Choose(1, 8)
         from r in Gen.Choose(0, 1000).Select(k => 0.1 * Math.Pow(100, k / 1000.0)) // log-uniform on [0.1, 10]
         from n in Gen.Choose(1, 64)
         from m in Gen.Choose(1, n)
         select (d, r, n, m)).ToArbitrary();

    [Property(MaxTest = 30, Replay = "(21,43)", Arbitrary = [typeof(TheoryAgreementTests)])]
    public void First_layer_deaths_and_trainability_follow_lemma_11_and_theorem_3((int Dim, double Radius, int Width, int Required) c)
    {
        var e = new FirstLayerExperiment(c.Dim, c.Width, c.Radius);
        var t = Sim.FirstLayer(e, 12_000, seed: (ulong)(c.Dim * 1000 + c.Width));
        double pHat = BornDeadProbability.Value(c.Dim, c.Radius);
        string cell = $"d = {c.Dim}, r = {c.Radius:G4}, n = {c.Width}, m = {c.Required}";
        Assert.True(BinomialTest.AgreesWith(t.DeadNeurons, t.Trials * c.Width, pHat),
            $"{cell}: {t.DeadNeurons}/{t.Trials * c.Width} dead neurons vs Lemma 11 {pHat}");
        double trainability = ShallowTrainability.Trainability(LayerScheme.NormalWithBias, c.Width, c.Required, c.Dim, c.Radius);
        Assert.True(BinomialTest.AgreesWith(t.AtLeast(c.Required), t.Trials, trainability),
            $"{cell}: {t.AtLeast(c.Required)}/{t.Trials} trainable vs Theorem 3 {trainability}");
    }

    [Theory]
    [InlineData(2, 1.0)]
    [InlineData(5, 0.3)]
    public void Unit_hypersphere_with_bias_kills_first_layer_neurons_like_normal_with_bias(int dim, double r)
    {
        // Lemma 11 needs only a uniform direction of [w, b]: the hypersphere initialiser must give the same p̂.
        var e = new FirstLayerExperiment(dim, 16, r, HypersphereInitializer.WithBias);
        var t = Sim.FirstLayer(e, 20_000, seed: 5);
        double pHat = BornDeadProbability.Value(dim, r);
        Assert.True(BinomialTest.AgreesWith(t.DeadNeurons, t.Trials * 16, pHat), $"{t.DeadNeurons}/{t.Trials * 16} vs {pHat}");
    }

    public static TheoryData<FirstTwoLayersScheme, int, int, double> Lemma14Cases => new()
    {
        { FirstTwoLayersScheme.NoBiasThenNoBias, 3, 4, 1.0 },
        { FirstTwoLayersScheme.NoBiasThenNoBias, 6, 5, 0.5 },
        { FirstTwoLayersScheme.NoBiasThenBias, 6, 4, 1.0 },
        { FirstTwoLayersScheme.NoBiasThenBias, 3, 6, 2.0 },
        { FirstTwoLayersScheme.NoBiasThenBias, 5, 3, 0.4 },
        { FirstTwoLayersScheme.BiasThenNoBias, 1, 5, 1.0 },
        { FirstTwoLayersScheme.BiasThenBias, 1, 4, 1.0 },
        { FirstTwoLayersScheme.BiasThenBias, 1, 6, 3.0 },
    };

    [Theory]
    [MemberData(nameof(Lemma14Cases))]
    public void Second_layer_distribution_follows_lemma_14(FirstTwoLayersScheme scheme, int n1, int n2, double r)
    {
        var schemes = Lemma14Schemes(scheme);
        var e = new ActiveNeuronExperiment([n1, n2], [.. schemes.Expand(2).Select(LayerSchemes.Initializer)], r);
        var t = Sim.Active(e, 150_000, seed: (ulong)(17 * n1 + n2));
        Assert.Equal(scheme, LayerSchemes.FirstTwoLayersCase(schemes.For(1), schemes.For(2), n1));
        double[] pi2 = SecondLayerTransition.SecondLayerDistribution(scheme, n1, n2, r);
        for (int k = 0; k <= n2; k++)
            Assert.True(BinomialTest.TwoSided(t.Active(2)[k], t.Trials, pi2[k]) > BinomialTest.Alpha / (n2 + 1),
                $"{scheme} n = (1, {n1}, {n2}), r = {r}: π₂[{k}] {t.Active(2)[k]}/{t.Trials} vs Lemma 14 {pi2[k]}");
        if (n1 == 1)
        {
            // The row of P₂ given one active first-layer neuron, on its own (cases (c), (d)).
            long active1 = t.Active(1)[1];
            double[,] p2 = SecondLayerTransition.Matrix(scheme, n1, n2, r);
            for (int k = 0; k <= n2; k++)
                Assert.True(BinomialTest.TwoSided(t.FirstTwoLayers(1, k), active1, p2[1, k]) > BinomialTest.Alpha / (n2 + 1),
                    $"{scheme} r = {r}: P₂[1, {k}] {t.FirstTwoLayers(1, k)}/{active1} vs {p2[1, k]}");
        }
    }

    [Theory]
    [InlineData(6, 1)]
    [InlineData(10, 1)]
    public void The_printed_angle_of_lemma_14_b_is_rejected_by_simulation(int n1, int positive)
    {
        // r = 1: with α_s = arctan(s/(n₁ − s)) as printed, p₂(1) = 0.24666 (n₁ = 6) and 0.23391 (n₁ = 10) instead of the
        // true 0.24427 and 0.23105 — the largest gaps (s = 1 or n₁ − 1, r ≈ 1); elsewhere they are smaller, and zero at
        // s ∈ {0, n₁/2, n₁}. Fixing layer 1 to s weights +1 and n₁ − s weights −1 makes the layer-2 deaths i.i.d.
        // Bernoulli(p₂(s)), so their count is exactly binomial; 2.4 M neurons resolve the gap by about 9 standard errors.
        const int n2 = 8;
        var e = new ActiveNeuronExperiment([n1, n2], [new FixedSigns(positive), NormalInitializer.HeWithBias], 1.0);
        var t = Sim.Active(e, 300_000, seed: (ulong)(61 + n1));
        long dead = 0;
        for (int k = 0; k <= n2; k++)
            dead += (n2 - k) * t.Active(2)[k];
        long neurons = t.Trials * n2;
        double corrected = SecondLayerDeathProbability.GivenSignSplit(n1, positive, 1.0, SignSplitAngle.Corrected);
        double printed = SecondLayerDeathProbability.GivenSignSplit(n1, positive, 1.0, SignSplitAngle.AsPrinted);
        Assert.True(BinomialTest.AgreesWith(dead, neurons, corrected), $"s = {positive}: {dead}/{neurons} vs corrected {corrected}");
        Assert.False(BinomialTest.AgreesWith(dead, neurons, printed), $"s = {positive}: {dead}/{neurons} consistent with the printed {printed}");
    }

    /// <summary>A first layer of ±1 weights (unit hypersphere without bias, fan-in 1) with exactly s positive.</summary>
    private sealed class FixedSigns(int positive) : LayerInitializer
    {
        protected override void InitializeLayer<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng)
        {
            for (int j = 0; j < layer.FanOut; j++)
                weights[j] = j < positive ? T.One : -T.One;
            biases.Clear();
        }
    }

    public static TheoryData<FirstTwoLayersScheme, int, int, int, int, double> Theorem8Cases => new()
    {
        { FirstTwoLayersScheme.NoBiasThenNoBias, 2, 2, 1, 2, 1.0 },
        { FirstTwoLayersScheme.NoBiasThenNoBias, 4, 5, 2, 3, 1.0 },
        { FirstTwoLayersScheme.NoBiasThenBias, 3, 4, 2, 3, 1.0 },
        { FirstTwoLayersScheme.NoBiasThenBias, 6, 4, 4, 2, 0.5 },
        { FirstTwoLayersScheme.BiasThenNoBias, 1, 2, 1, 2, 1.0 },
        { FirstTwoLayersScheme.BiasThenNoBias, 1, 5, 1, 3, 2.0 },
        { FirstTwoLayersScheme.BiasThenBias, 1, 4, 1, 2, 1.0 },
        { FirstTwoLayersScheme.BiasThenBias, 1, 3, 1, 3, 0.7 },
    };

    [Theory]
    [MemberData(nameof(Theorem8Cases))]
    public void Depth_three_trainability_is_theorem_8s_first_equality(FirstTwoLayersScheme scheme, int n1, int n2, int m1, int m2, double r)
    {
        var schemes = Lemma14Schemes(scheme);
        var e = new ActiveNeuronExperiment([n1, n2], [.. schemes.Expand(2).Select(LayerSchemes.Initializer)], r, [m1, m2]);
        var t = Sim.Active(e, 100_000, seed: (ulong)(31 * n2 + m2));
        double exact = DepthThreeTrainability.Exact(scheme, n1, n2, m1, m2, r);
        Assert.True(BinomialTest.AgreesWith(t.Trainable, t.Trials, exact), $"{scheme} ({n1},{n2}) m = ({m1},{m2}): {t.Trainable}/{t.Trials} vs exact {exact}");
        double lower = DepthThreeTrainability.NoRevivalLowerBound(scheme, n1, n2, m1, m2, r);
        Assert.True(BinomialTest.AgreesWith(t.AllRequiredActive, t.Trials, lower), $"event A {t.AllRequiredActive}/{t.Trials} vs {lower}");
    }

    [Theory]
    [InlineData(FirstTwoLayersScheme.NoBiasThenNoBias, 2, 2, 1, 2)]
    [InlineData(FirstTwoLayersScheme.BiasThenNoBias, 1, 2, 1, 2)]
    public void Theorem_8_as_printed_is_not_a_lower_bound_in_cases_a_and_c(FirstTwoLayersScheme scheme, int n1, int n2, int m1, int m2)
    {
        // A finding (docs/theory/trainability.md): the printed value exceeds the simulated trainability by far more than
        // sampling error — (a) 17/16 > 1 here, (c) 1/2 against an exact 3/16 at r = 1.
        var schemes = Lemma14Schemes(scheme);
        var e = new ActiveNeuronExperiment([n1, n2], [.. schemes.Expand(2).Select(LayerSchemes.Initializer)], 1.0, [m1, m2]);
        var t = Sim.Active(e, 50_000, seed: 7);
        double printed = DepthThreeTrainability.PaperLowerBound(scheme, n1, n2, m1, m2, 1.0);
        Assert.False(BinomialTest.RespectsLowerBound(t.Trainable, t.Trials, Math.Min(printed, 1)),
            $"{scheme}: {t.Trainable}/{t.Trials} is consistent with the printed bound {printed}");
    }

    [Theory]
    [InlineData(2, 3, 1)]
    [InlineData(3, 4, 2)]
    [InlineData(4, 6, 2)]
    [InlineData(5, 3, 3)]
    public void Corollary_9_bounds_deep_bias_free_trainability_from_above(int width, int layers, int required)
    {
        var e = new ActiveNeuronExperiment(Enumerable.Repeat(width, layers).ToArray(), Schemes.All(Schemes.NormalNoBias, layers), 1.0,
            Enumerable.Repeat(required, layers).ToArray());
        var t = Sim.Active(e, 60_000, seed: (ulong)(width * 10 + layers));
        double bound = DeepTrainability.UpperBound(width, layers);
        Assert.True(BinomialTest.RespectsUpperBound(t.Trainable, t.Trials, bound), $"{width}x{layers}: {t.Trainable}/{t.Trials} above Corollary 9 {bound}");
        // The bound is built from "no layer entirely dead"; that event itself must respect it too.
        Assert.True(BinomialTest.RespectsUpperBound(t.EveryLayerActive, t.Trials, bound), $"{width}x{layers}: every layer active {t.EveryLayerActive}/{t.Trials}");
    }

    private static LayerSchemeSequence Lemma14Schemes(FirstTwoLayersScheme scheme) => LayerSchemeSequence.Parse(scheme switch
    {
        FirstTwoLayersScheme.NoBiasThenNoBias => "sphere-nobias+normal-nobias",
        FirstTwoLayersScheme.NoBiasThenBias => "sphere-nobias+normal-bias",
        FirstTwoLayersScheme.BiasThenNoBias => "sphere-bias+normal-nobias",
        _ => "sphere-bias+normal-bias",
    });
}
