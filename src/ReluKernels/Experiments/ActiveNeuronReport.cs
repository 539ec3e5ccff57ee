using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.Theory;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Experiments;

/// <summary>The distributions π_t of an <see cref="ActiveNeuronExperiment"/>, bin by bin, beside Shin &amp; Karniadakis's closed forms.</summary>
public static class ActiveNeuronReport
{
    /// <summary>
    /// Every bin of every hidden layer. Theory: π₁ by Lemma 13 (any layer-1 scheme); π₂ by Lemma 14 where it applies
    /// (<see cref="LayerSchemes.FirstTwoLayersCase"/>, with the corrected angle in case (b)); none for deeper layers.
    /// </summary>
    public static IReadOnlyList<ActiveNeuronBin> Bins(LayerSchemeSequence schemes, ActiveNeuronExperiment experiment, ActiveNeuronTally tally)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(tally);
        var bins = new List<ActiveNeuronBin>();
        for (int t = 1; t <= experiment.Depth; t++)
        {
            var (theory, source) = Theory(schemes, experiment, t);
            var counts = tally.Active(t);
            for (int k = 0; k < counts.Length; k++)
            {
                var ci = WilsonInterval.Of(counts[k], tally.Trials);
                bins.Add(new ActiveNeuronBin
                {
                    Scheme = schemes.ToString(),
                    Layer = t,
                    Active = k,
                    Trials = tally.Trials,
                    Count = counts[k],
                    Probability = ci.Estimate,
                    CiLow = ci.Low,
                    CiHigh = ci.High,
                    Theory = theory?[k],
                    TheorySource = source,
                    // Bonferroni over the layer's bins: the layer's distribution passes at family-wise level α.
                    Agrees = theory is null ? null : BinomialTest.TwoSided(counts[k], tally.Trials, Math.Clamp(theory[k], 0, 1)) > BinomialTest.Alpha / counts.Length,
                });
            }
        }
        return bins;
    }

    /// <summary>The exact π_t where the paper gives it, with the result's name; (null, null) otherwise.</summary>
    public static (double[]? Distribution, string? Source) Theory(LayerSchemeSequence schemes, ActiveNeuronExperiment experiment, int layer)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        ArgumentNullException.ThrowIfNull(experiment);
        double r = experiment.Radius;
        int n1 = experiment.HiddenWidths[0];
        if (layer == 1)
            return (ShallowTrainability.ActiveCountDistribution(schemes.For(1), n1, 1, r), "Lemma 13");
        if (layer == 2 && LayerSchemes.FirstTwoLayersCase(schemes.For(1), schemes.For(2), n1) is { } lemma14)
            return (SecondLayerTransition.SecondLayerDistribution(lemma14, n1, experiment.HiddenWidths[1], r), $"Lemma 14 ({CaseLetter(lemma14)})");
        return (null, null);
    }

    /// <summary>The letter of a Lemma 14 / Theorem 8 case, (a)–(d) in the paper's order.</summary>
    public static char CaseLetter(FirstTwoLayersScheme scheme) => (char)('a' + (int)scheme);
}
