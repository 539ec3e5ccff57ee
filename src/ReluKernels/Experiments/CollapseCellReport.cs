using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.Theory;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Experiments;

/// <summary>
/// One cell of a collapse study as reported: the simulated counts with Wilson 95% intervals, every applicable closed form
/// of Lu et al. beside them, and the outcome of the docs/statistics.md tests (α = 1e-6) of the simulation against each.
/// Property names are the JSON field names (camelCase).
/// </summary>
public sealed record CollapseCellReport
{
    /// <summary>Neurons per hidden layer.</summary>
    public required int Width { get; init; }
    /// <summary>Hidden ReLU layers.</summary>
    public required int Depth { get; init; }
    /// <summary>Weight distribution (<see cref="WeightDistribution"/> name).</summary>
    public required string Weights { get; init; }
    /// <summary>σ_b of the biases; 0 without biases (and under RAI, which draws its own).</summary>
    public required double BiasStd { get; init; }
    /// <summary>How biases are drawn (<see cref="BiasDistribution"/> name), or "none" without biases, or "RAI".</summary>
    public required string Bias { get; init; }
    /// <summary>
    /// Whether every weight and bias law is symmetric, so that Lu et al.'s theorems apply; false for RAI and positive
    /// biases, for which no closed form exists and no check is made.
    /// </summary>
    public required bool Symmetric { get; init; }
    /// <summary>Ω = [−radius, radius].</summary>
    public required double Radius { get; init; }
    /// <summary>The engine that ran.</summary>
    public required string Engine { get; init; }
    /// <summary>The code that ran the engine: a generated stepper (and its shape) or hand-written (<see cref="CollapseRun.Code"/>).</summary>
    public required string Code { get; init; }
    /// <summary>How collapse was decided.</summary>
    public required string Detection { get; init; }
    /// <summary>Networks drawn.</summary>
    public required long Trials { get; init; }
    /// <summary>Networks with a hidden layer identically zero on Ω.</summary>
    public required long Collapsed { get; init; }
    /// <summary>Collapsed / trials.</summary>
    public required double Estimate { get; init; }
    /// <summary>Wilson 95% lower end.</summary>
    public required double CiLow { get; init; }
    /// <summary>Wilson 95% upper end.</summary>
    public required double CiHigh { get; init; }
    /// <summary>The input x at which <see cref="ZeroAtProbe"/> is counted.</summary>
    public required double Probe { get; init; }
    /// <summary>Networks whose last hidden layer is zero at <see cref="Probe"/>.</summary>
    public required long ZeroAtProbe { get; init; }
    /// <summary>ZeroAtProbe / trials.</summary>
    public required double ZeroEstimate { get; init; }
    /// <summary>Wilson 95% interval of <see cref="ZeroEstimate"/>, lower end.</summary>
    public required double ZeroCiLow { get; init; }
    /// <summary>Wilson 95% interval of <see cref="ZeroEstimate"/>, upper end.</summary>
    public required double ZeroCiHigh { get; init; }
    /// <summary>Theorem 8, 1 − (1 − 2^−width)^depth: exact per-input zero probability without biases, an upper bound on collapse.</summary>
    public required double Theorem8 { get; init; }
    /// <summary>Theorem 9, 2^−width: exact per-input zero probability with biases (null without biases).</summary>
    public double? Theorem9 { get; init; }
    /// <summary>Theorem 10 (width 2, Gaussian weights, no biases): the 16-state chain's collapse probability.</summary>
    public double? Theorem10 { get; init; }
    /// <summary>Refined born-dead lower bound (journal version), where it applies.</summary>
    public double? RefinedLower { get; init; }
    /// <summary>Matching upper bound 1 − (1 − 2^−width)^(depth−1), where it applies.</summary>
    public double? RefinedUpper { get; init; }
    /// <summary>
    /// Networks per first identically-zero layer, entry l − 1 counting first dead layer l: only in the deepest cell of a
    /// run (null in the others, whose arrays are its prefixes), so that a report grows linearly with its depths.
    /// </summary>
    public long[]? FirstDeadLayer { get; init; }
    /// <summary>The checks made, e.g. "Thm8@x=1 exact".</summary>
    public required string[] Checks { get; init; }
    /// <summary>The checks the simulation failed (empty when everything agrees).</summary>
    public required string[] Disagreements { get; init; }
    /// <summary>Whether every check passed.</summary>
    public bool Agrees => Disagreements.Length == 0;

    /// <summary>
    /// The report for depth <paramref name="depth"/> (≤ the run's depth) read off <paramref name="run"/>: the networks of
    /// depth d are the first d layers of the run's networks, so every depth of one run shares the same draws.
    /// </summary>
    public static CollapseCellReport From(CollapseRun run, int depth)
    {
        var e = run.Experiment.WithDepth(depth);
        // Counts read off the run's tally in place: a copy per depth would make a report quadratic in its depths.
        var t = (Trials: run.Tally.Trials, Collapsed: run.Tally.CollapsedByDepth(depth), ZeroAtProbe: run.Tally.ZeroAtProbeAt(depth));
        var collapse = WilsonInterval.Of(t.Collapsed, t.Trials);
        var zero = WilsonInterval.Of(t.ZeroAtProbe, t.Trials);
        double theorem8 = CollapseTheory.PerInputZeroProbability(e.Width, e.Depth);
        bool gaussian = e.Weights == WeightDistribution.HeNormal;
        bool iid = e.Weights != WeightDistribution.Orthogonal;
        double? theorem9 = e.HasBias && e.IsSymmetric ? CollapseTheory.OneLayerZeroProbability(e.Width) : null;
        double? theorem10 = !e.HasBias && gaussian && e.Width == 2 ? WidthTwoCollapseChain.CollapseProbability(e.Depth) : null;
        double? lower = !e.HasBias && iid ? CollapseTheory.BornDeadLowerBound(e.Width, e.Depth) : null;
        double? upper = !e.HasBias ? CollapseTheory.BornDeadUpperBound(e.Width, e.Depth) : null;

        var checks = new List<string>();
        var failed = new List<string>();
        void Check(string name, bool passed)
        {
            checks.Add(name);
            if (!passed && t.Trials > 0)
                failed.Add(name);
        }
        // RAI and positive biases have no closed form (Lu et al.'s theorems need symmetric laws): nothing to check.
        if (e.HasBias && e.IsSymmetric)
            Check($"Thm9@x={e.Probe} exact", BinomialTest.AgreesWith(t.ZeroAtProbe, t.Trials, theorem9!.Value));
        else if (!e.HasBias)
        {
            // Exact for orthogonal weights too: a Haar matrix sends any nonzero vector to a uniform direction.
            Check($"Thm8@x={e.Probe} exact", BinomialTest.AgreesWith(t.ZeroAtProbe, t.Trials, theorem8));
            Check("Thm8 upper bound", BinomialTest.RespectsUpperBound(t.Collapsed, t.Trials, theorem8));
            Check("refined upper bound", BinomialTest.RespectsUpperBound(t.Collapsed, t.Trials, upper!.Value));
            if (lower is { } l)
                Check("refined lower bound", BinomialTest.RespectsLowerBound(t.Collapsed, t.Trials, l));
            if (theorem10 is { } p10)
                Check("Thm10", BinomialTest.AgreesWith(t.Collapsed, t.Trials, p10));
        }

        return new CollapseCellReport
        {
            Width = e.Width,
            Depth = e.Depth,
            Weights = e.Weights.ToString(),
            BiasStd = e.BiasStd,
            Bias = e.Weights == WeightDistribution.Rai ? "RAI" : e.HasBias ? e.Bias.ToString() : "none",
            Symmetric = e.IsSymmetric,
            Radius = e.Radius,
            Engine = run.Engine.ToString(),
            Code = run.Code,
            Detection = CollapseEngines.Detection(run.Engine, e),
            Trials = t.Trials,
            Collapsed = t.Collapsed,
            Estimate = collapse.Estimate,
            CiLow = collapse.Low,
            CiHigh = collapse.High,
            Probe = e.Probe,
            ZeroAtProbe = t.ZeroAtProbe,
            ZeroEstimate = zero.Estimate,
            ZeroCiLow = zero.Low,
            ZeroCiHigh = zero.High,
            Theorem8 = theorem8,
            Theorem9 = theorem9,
            Theorem10 = theorem10,
            RefinedLower = lower,
            RefinedUpper = upper,
            FirstDeadLayer = depth == run.Tally.Depth ? run.Tally.FirstDeadLayer[1..].ToArray() : null,
            Checks = [.. checks],
            Disagreements = [.. failed],
        };
    }
}
