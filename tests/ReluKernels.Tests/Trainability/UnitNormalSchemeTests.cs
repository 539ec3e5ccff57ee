using MathNet.Numerics.Distributions;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.Theory;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Tests.Trainability;

/// <summary>
/// "normal-bias-unit" ([W, b] ~ N(0, 1)) beside "normal-bias" ([W, b] ~ N(0, 2/(fan_in + 1))) in Shin &amp; Karniadakis
/// (2020) Fig. 7's third scheme, n = (1, 6, 4, 2). A layer's σ scales its own pre-activations by a positive constant, so its
/// own deadness is unchanged (Lemmas 13 and 14 cover both); the next biased layer weighs the scaled input against its bias,
/// so π₃ changes. No closed form for π₃: the direction below is the measured one (docs/theory/trainability.md).
/// </summary>
public sealed class UnitNormalSchemeTests
{
    private static readonly int[] Widths = [6, 4, 2];
    private const long Trials = 200_000;

    [Fact]
    public void The_unit_scheme_is_parsed_by_name_and_draws_its_own_initializer()
    {
        var sequence = LayerSchemeSequence.Parse("sphere-nobias+NORMAL-BIAS-UNIT");
        Assert.Equal([LayerScheme.HypersphereWithoutBias, LayerScheme.NormalWithUnitBias], sequence.Schemes);
        Assert.Equal("sphere-nobias+normal-bias-unit", sequence.ToString());
        Assert.True(LayerSchemes.HasBias(LayerScheme.NormalWithUnitBias));
        Assert.NotSame(LayerSchemes.Initializer(LayerScheme.NormalWithBias), LayerSchemes.Initializer(LayerScheme.NormalWithUnitBias));
        // Lemma 14 (b) covers it: only the direction of a layer-2 row [W, b] matters, and it is uniform for any common σ.
        Assert.Equal(FirstTwoLayersScheme.NoBiasThenBias, LayerSchemes.FirstTwoLayersCase(LayerScheme.HypersphereWithoutBias, LayerScheme.NormalWithUnitBias, 6));
    }

    [Fact]
    public void Unit_variance_keeps_layers_one_and_two_and_gives_more_active_neurons_in_layer_three()
    {
        var he = Run("sphere-nobias+normal-bias", seed: 61);
        var unit = Run("sphere-nobias+normal-bias-unit", seed: 61);
        // Same seed, same standard normals, only multiplied by another positive σ in layer 2: identical sign patterns.
        for (int t = 1; t <= 2; t++)
            Assert.Equal(he.Tally.Active(t).ToArray(), unit.Tally.Active(t).ToArray());
        var (lemma14, source) = ActiveNeuronReport.Theory(unit.Schemes, unit.Experiment, 2);
        Assert.Equal("Lemma 14 (b)", source);
        var pi2 = unit.Tally.Active(2);
        for (int k = 0; k < pi2.Length; k++)
            Assert.True(BinomialTest.TwoSided(pi2[k], unit.Tally.Trials, lemma14![k]) > BinomialTest.Alpha / pi2.Length, $"π₂[{k}] vs Lemma 14 (b)");

        // Layer 3 from an independent stream: the unit scheme has fewer networks with no active neuron and more with two
        // (measured 0.124 → 0.105 and 0.430 → 0.474 at 400 000 networks, about 27 and 39 standard errors).
        var independent = Run("sphere-nobias+normal-bias-unit", seed: 62);
        var a = he.Tally.Active(3);
        var b = independent.Tally.Active(3);
        double critical = Normal.InvCDF(0, 1, 1 - BinomialTest.Alpha / (2 * a.Length));
        double none = Z(a[0], b[0]), both = Z(a[2], b[2]);
        Assert.True(none > critical, $"π₃[0]: {a[0]} (He σ) vs {b[0]} (σ = 1) of {Trials}, z = {none:F1} ≤ {critical:F2}");
        Assert.True(-both > critical, $"π₃[2]: {a[2]} (He σ) vs {b[2]} (σ = 1) of {Trials}, z = {both:F1} ≥ −{critical:F2}");
    }

    private static (LayerSchemeSequence Schemes, ActiveNeuronExperiment Experiment, ActiveNeuronTally Tally) Run(string schemes, ulong seed)
    {
        var sequence = LayerSchemeSequence.Parse(schemes);
        var experiment = new ActiveNeuronExperiment(Widths, [.. sequence.Expand(Widths.Length).Select(LayerSchemes.Initializer)]);
        return (sequence, experiment, Sim.Active(experiment, Trials, seed));
    }

    /// <summary>Pooled two-proportion z of k1/Trials minus k2/Trials.</summary>
    private static double Z(long k1, long k2)
    {
        double pooled = (double)(k1 + k2) / (2 * Trials);
        return ((double)k1 / Trials - (double)k2 / Trials) / Math.Sqrt(pooled * (1 - pooled) * 2.0 / Trials);
    }
}
