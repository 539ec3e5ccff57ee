using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.Theory;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Experiments;

/// <summary>
/// One width of a shallow-network trainability study (Shin &amp; Karniadakis 2020, Theorem 3 and Lemmas 11, 13): the closed forms beside the
/// simulated first layers, with Wilson or normal 95% intervals and docs/statistics.md tests (α = 1e-6). Property names are the
/// JSON field names (camelCase).
/// </summary>
public sealed record TrainabilityWidthReport
{
    /// <summary>Neurons n of the hidden layer.</summary>
    public required int Width { get; init; }
    /// <summary>Input dimension d.</summary>
    public required int InputDim { get; init; }
    /// <summary>Ω = B_r(0).</summary>
    public required double Radius { get; init; }
    /// <summary>Active neurons m the task needs.</summary>
    public required int Required { get; init; }
    /// <summary>Lemma 11: the probability p̂_d(r) that one neuron is born dead (exact).</summary>
    public required double PHat { get; init; }
    /// <summary>Theorem 3: Pr(m₁ ≥ m) = Σ_{j ≥ m} C(n, j)(1 − p̂)^j p̂^{n−j} (exact).</summary>
    public required double Trainability { get; init; }
    /// <summary>Lemma 13: the mean number of active neurons n(1 − p̂) (exact).</summary>
    public required double MeanActive { get; init; }
    /// <summary>Theorem 3's "on average at least" n(1 − √(d/2π)·α_r·sin^{d−1}α_r) (a lower bound).</summary>
    public required double MeanActiveLowerBound { get; init; }
    /// <summary>Networks drawn.</summary>
    public required long Trials { get; init; }
    /// <summary>Networks with at least <see cref="Required"/> active neurons.</summary>
    public required long Trainable { get; init; }
    /// <summary>Trainable / trials.</summary>
    public required double SimulatedTrainability { get; init; }
    /// <summary>Wilson 95% lower end of <see cref="SimulatedTrainability"/>.</summary>
    public required double TrainabilityCiLow { get; init; }
    /// <summary>Wilson 95% upper end.</summary>
    public required double TrainabilityCiHigh { get; init; }
    /// <summary>Simulated mean active neurons.</summary>
    public required double SimulatedMeanActive { get; init; }
    /// <summary>95% interval of the mean (normal approximation), lower end.</summary>
    public required double MeanActiveCiLow { get; init; }
    /// <summary>Upper end.</summary>
    public required double MeanActiveCiHigh { get; init; }
    /// <summary>Dead neurons / (trials × width): the per-neuron born-dead rate, an estimate of <see cref="PHat"/>.</summary>
    public required double SimulatedPHat { get; init; }
    /// <summary>Wilson 95% lower end of <see cref="SimulatedPHat"/>.</summary>
    public required double PHatCiLow { get; init; }
    /// <summary>Upper end.</summary>
    public required double PHatCiHigh { get; init; }
    /// <summary>
    /// Whether simulation agrees with Theorem 3 and with p̂ (two-sided binomial tests, α = 1e-6 each). The dead-neuron
    /// count is Bin(trials·n, p̂) exactly — neurons are independent — so its test is also the exact test of the mean.
    /// </summary>
    public required bool Agrees { get; init; }

    /// <summary>Builds the report of one simulated width.</summary>
    /// <param name="experiment">The simulated layer; its initializer must draw [W, b] with a uniform direction (He with bias or hypersphere with bias), which Theorem 3 assumes.</param>
    /// <param name="required">m, 1 ≤ m ≤ width.</param>
    /// <param name="tally">The simulation's counts.</param>
    public static TrainabilityWidthReport From(FirstLayerExperiment experiment, int required, FirstLayerTally tally)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(tally);
        int n = experiment.Width, d = experiment.InputDim;
        double r = experiment.Radius;
        double pHat = BornDeadProbability.Value(d, r);
        double trainability = ShallowTrainability.Trainability(LayerScheme.NormalWithBias, n, required, d, r);
        double meanActive = ShallowTrainability.MeanActiveCount(LayerScheme.NormalWithBias, n, d, r);
        long trainable = tally.AtLeast(required);
        var trainableCi = WilsonInterval.Of(trainable, tally.Trials);
        var mean = MeanEstimate.FromHistogram(tally.ActiveHistogram);
        long neurons = tally.Trials * n;
        var deadCi = WilsonInterval.Of(tally.DeadNeurons, neurons);
        return new TrainabilityWidthReport
        {
            Width = n,
            InputDim = d,
            Radius = r,
            Required = required,
            PHat = pHat,
            Trainability = trainability,
            MeanActive = meanActive,
            MeanActiveLowerBound = ShallowTrainability.MeanActiveCountLowerBound(n, d, r),
            Trials = tally.Trials,
            Trainable = trainable,
            SimulatedTrainability = trainableCi.Estimate,
            TrainabilityCiLow = trainableCi.Low,
            TrainabilityCiHigh = trainableCi.High,
            SimulatedMeanActive = mean.Mean,
            MeanActiveCiLow = mean.Low,
            MeanActiveCiHigh = mean.High,
            SimulatedPHat = deadCi.Estimate,
            PHatCiLow = deadCi.Low,
            PHatCiHigh = deadCi.High,
            Agrees = BinomialTest.AgreesWith(trainable, tally.Trials, trainability)
                && BinomialTest.AgreesWith(tally.DeadNeurons, neurons, pHat),
        };
    }
}
