using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Studies;

/// <summary>
/// What <see cref="CollapseStudy.Estimate"/> found: the collapsed count out of the trials with its Wilson 95% interval,
/// the engine that ran, and the closed forms of Lu, Su &amp; Karniadakis 2019 that apply to the experiment, each with
/// the outcome of a binomial test at α = 1e-6 (<see cref="Report"/>). Every shallower depth is available too
/// (<see cref="AtDepth"/>): a network of depth d is the first d layers of a simulated one.
/// </summary>
public sealed record CollapseEstimate
{
    internal CollapseEstimate(CollapseRun run)
    {
        Run = run;
        Report = CollapseCellReport.From(run, run.Experiment.Depth);
    }

    /// <summary>The run's full state: experiment, engine, per-layer counts (it can be continued with <see cref="MonteCarloDriver"/>).</summary>
    public CollapseRun Run { get; }

    /// <summary>The experiment's cell as the CLI reports it: counts, intervals, every applicable theory value and the checks made.</summary>
    public CollapseCellReport Report { get; }

    /// <summary>The simulated experiment.</summary>
    public CollapseExperiment Experiment => Run.Experiment;

    /// <summary>The engine that produced the counts (never <see cref="EngineKind.Auto"/>).</summary>
    public EngineKind Engine => Run.Engine;

    /// <summary>The code that ran the engine: "generated stepper" and the shape, or "hand-written" and the engine.</summary>
    public string Code => Run.Code;

    /// <summary>Networks drawn (fewer than asked when a target half-width was reached or the run was cancelled).</summary>
    public long Trials => Report.Trials;

    /// <summary>Networks with a hidden layer identically zero on the input domain.</summary>
    public long Collapsed => Report.Collapsed;

    /// <summary>Collapsed / trials.</summary>
    public double Estimate => Report.Estimate;

    /// <summary>The Wilson 95% interval of the collapse probability.</summary>
    public WilsonInterval Interval => WilsonInterval.Of(Collapsed, Trials);

    /// <summary>Whether the run finished (all trials, or the target half-width reached) rather than being cancelled.</summary>
    public bool Complete => Run.Complete;

    /// <summary>
    /// Theorem 8, 1 − (1 − 2^−width)^depth: the exact probability that the last hidden layer is zero at one input without
    /// biases, and an upper bound on collapse.
    /// </summary>
    public double Theorem8 => Report.Theorem8;

    /// <summary>Theorem 10 (width 2, He-normal, no biases): the 16-state chain's collapse probability; exact for depth ≤ 2, null where it does not apply.</summary>
    public double? Theorem10 => Report.Theorem10;

    /// <summary>Refined born-dead lower bound (no biases, i.i.d. weights); null where it does not apply.</summary>
    public double? BornDeadLowerBound => Report.RefinedLower;

    /// <summary>Born-dead upper bound 1 − (1 − 2^−width)^(depth−1) (no biases); null where it does not apply.</summary>
    public double? BornDeadUpperBound => Report.RefinedUpper;

    /// <summary>Whether the simulation passed every check against the closed forms (binomial tests at α = 1e-6).</summary>
    public bool AgreesWithTheory => Report.Agrees;

    /// <summary>The report for the first <paramref name="depth"/> layers of the same networks.</summary>
    /// <param name="depth">A depth in 1..<see cref="CollapseExperiment.Depth"/> of <see cref="Experiment"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is outside 1..the experiment's depth.</exception>
    public CollapseCellReport AtDepth(int depth)
    {
        if (depth < 1 || depth > Experiment.Depth)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"The depth must be in 1..{Experiment.Depth}.");
        return CollapseCellReport.From(Run, depth);
    }

    /// <summary>
    /// <see cref="AtDepth"/> for every depth 1..the experiment's depth, computed as enumerated (the width-2 chain costs
    /// O(depth) per row, so a deep run's rows are not built unless asked for).
    /// </summary>
    public IEnumerable<CollapseCellReport> ByDepth() => Enumerable.Range(1, Experiment.Depth).Select(AtDepth);
}
