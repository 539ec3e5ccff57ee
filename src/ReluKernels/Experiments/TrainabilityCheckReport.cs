using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.Theory;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Experiments;

/// <summary>
/// Simulated trainability of one architecture and scheme for required active counts m₁..m_T (Shin &amp; Karniadakis 2020, Definition 7 as
/// its Lemma 16 evaluates it; see <see cref="ActiveNeuronExperiment"/>), beside every result of the paper that covers it.
/// Property names are the JSON field names (camelCase).
/// </summary>
public sealed record TrainabilityCheckReport
{
    /// <summary>The per-layer schemes.</summary>
    public required string Scheme { get; init; }
    /// <summary>n₁..n_T.</summary>
    public required int[] HiddenWidths { get; init; }
    /// <summary>m₁..m_T.</summary>
    public required int[] Required { get; init; }
    /// <summary>Networks drawn.</summary>
    public required long Trials { get; init; }
    /// <summary>Trainable networks.</summary>
    public required long Trainable { get; init; }
    /// <summary>Trainable / trials.</summary>
    public required double Estimate { get; init; }
    /// <summary>Wilson 95% lower end.</summary>
    public required double CiLow { get; init; }
    /// <summary>Wilson 95% upper end.</summary>
    public required double CiHigh { get; init; }
    /// <summary>Fraction with at least m_t active neurons in every layer (§3.2's event A, a lower bound of trainability).</summary>
    public required double AllRequiredActive { get; init; }
    /// <summary>The exact trainability where known: Theorem 3 (one hidden layer) or the exact form of Shin &amp; Karniadakis 2020, Theorem 8's first equality (two hidden layers, a Lemma 14 case).</summary>
    public double? Exact { get; init; }
    /// <summary>Shin &amp; Karniadakis 2020, Theorem 8's printed "lower bound" (two hidden layers, a Lemma 14 case). In cases (a) and (c) it is not a bound (docs/theory/trainability.md).</summary>
    public double? PaperLowerBound { get; init; }
    /// <summary>Corollary 9's upper bound (every layer normal without bias, equal widths).</summary>
    public double? Corollary9 { get; init; }
    /// <summary>Which results were compared, e.g. "Thm 3 exact", "Thm 8 (b) exact", "Cor 9 upper".</summary>
    public required string[] Checks { get; init; }
    /// <summary>The checks that failed at α = 1e-6 (exact two-sided, bounds one-sided).</summary>
    public required string[] Disagreements { get; init; }
    /// <summary>Whether the simulation is consistent with the printed Theorem 8 value as a lower bound (null when it does not apply).</summary>
    public bool? RespectsPaperLowerBound { get; init; }

    /// <summary>Builds the report.</summary>
    /// <exception cref="ArgumentException">The experiment has no requirements.</exception>
    public static TrainabilityCheckReport From(LayerSchemeSequence schemes, ActiveNeuronExperiment experiment, ActiveNeuronTally tally)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(tally);
        var required = experiment.Required ?? throw new ArgumentException("The experiment states no required active counts.", nameof(experiment));
        int[] widths = [.. experiment.HiddenWidths];
        double r = experiment.Radius;
        var layers = schemes.Expand(experiment.Depth);
        double? exact = null, paper = null, corollary9 = null;
        var checks = new List<string>();
        var failed = new List<string>();
        if (experiment.Depth == 1)
        {
            exact = ShallowTrainability.Trainability(layers[0], widths[0], required[0], 1, r);
            checks.Add("Thm 3 exact");
        }
        else if (experiment.Depth == 2 && LayerSchemes.FirstTwoLayersCase(layers[0], layers[1], widths[0]) is { } lemma14)
        {
            exact = DepthThreeTrainability.Exact(lemma14, widths[0], widths[1], required[0], required[1], r);
            paper = DepthThreeTrainability.PaperLowerBound(lemma14, widths[0], widths[1], required[0], required[1], r);
            checks.Add($"Thm 8 ({ActiveNeuronReport.CaseLetter(lemma14)}) exact");
        }
        if (layers.All(s => s == LayerScheme.NormalWithoutBias) && widths.All(n => n == widths[0]))
        {
            corollary9 = DeepTrainability.UpperBound(widths[0], experiment.Depth);
            checks.Add("Cor 9 upper");
        }
        long k = tally.Trainable, n = tally.Trials;
        if (exact is { } e && !BinomialTest.AgreesWith(k, n, Math.Clamp(e, 0, 1)))
            failed.Add(checks[0]);
        if (corollary9 is { } upper && !BinomialTest.RespectsUpperBound(k, n, upper))
            failed.Add("Cor 9 upper");
        var ci = WilsonInterval.Of(k, n);
        return new TrainabilityCheckReport
        {
            Scheme = schemes.ToString(),
            HiddenWidths = widths,
            Required = [.. required],
            Trials = n,
            Trainable = k,
            Estimate = ci.Estimate,
            CiLow = ci.Low,
            CiHigh = ci.High,
            AllRequiredActive = n == 0 ? 0 : (double)tally.AllRequiredActive / n,
            Exact = exact,
            PaperLowerBound = paper,
            Corollary9 = corollary9,
            Checks = [.. checks],
            Disagreements = [.. failed],
            RespectsPaperLowerBound = paper is { } p ? BinomialTest.RespectsLowerBound(k, n, Math.Min(p, 1)) : null,
        };
    }
}
