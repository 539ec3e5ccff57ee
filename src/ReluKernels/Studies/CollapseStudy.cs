using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Studies;

/// <summary>
/// The entry point for estimating collapse from code: one call draws random deep, narrow ReLU networks (input
/// dimension 1, every hidden layer ReLU, as in Lu, Su &amp; Karniadakis 2019, Fig. 6A) and returns the collapsed count
/// with its Wilson 95% interval beside the closed forms that apply. It is the CLI's <c>collapse</c> command for one
/// width: the same <see cref="CollapseExperiment"/>, <see cref="MonteCarloDriver"/> and report, so the counts equal
/// the CLI's for the same seed.
/// </summary>
/// <example>
/// <code>
/// var estimate = CollapseStudy.Estimate(width: 2, depth: 2, trials: 1_000_000, seed: 7);
/// Console.WriteLine($"{estimate.Estimate:F4} in [{estimate.Interval.Low:F4}, {estimate.Interval.High:F4}]");
/// </code>
/// </example>
public static class CollapseStudy
{
    /// <summary>Trials when none are given: a 95% half-width of about 0.001 at an estimate near 1/2.</summary>
    public const long DefaultTrials = 1_000_000;

    /// <summary>
    /// Simulates <paramref name="trials"/> random networks of <paramref name="depth"/> hidden ReLU layers of
    /// <paramref name="width"/> neurons and counts those with a hidden layer identically zero on [−radius, radius].
    /// The counts depend only on the arguments other than <paramref name="threads"/> (and not on the ISA path).
    /// </summary>
    /// <param name="width">Neurons per hidden layer, in <see cref="ShapeLimits.MinWidth"/>..<see cref="ShapeLimits.MaxWidth"/>.</param>
    /// <param name="depth">Hidden ReLU layers, in 1..<see cref="CollapseExperiment.MaxDepth"/>.</param>
    /// <param name="weights">How each layer's weights are drawn (He-normal, He-uniform or orthogonal).</param>
    /// <param name="biasStd">σ_b of N(0, σ_b²) biases; 0 (the default) means no biases.</param>
    /// <param name="trials">Networks to draw; with <paramref name="targetHalfWidth"/>, the most to draw. ≥ 1.</param>
    /// <param name="targetHalfWidth">
    /// If set, stop as soon as the Wilson 95% half-width of the collapse estimate is at most this (checked after each
    /// block of <see cref="MonteCarloOptions.DefaultBlockSize"/> trials, in block order); in (0, 0.5).
    /// </param>
    /// <param name="seed">The seed; the same seed gives the same counts.</param>
    /// <param name="threads">Worker threads, ≥ 1; null uses every core. The counts do not depend on it.</param>
    /// <param name="radius">Half-width r of the input domain [−r, r], finite and &gt; 0.</param>
    /// <param name="probe">The input at which the per-input zero probability is counted, in [−r, r]; ≠ 0 without biases.</param>
    /// <param name="engine">The simulation engine; <see cref="EngineKind.Auto"/> picks the fastest exact one.</param>
    /// <param name="cancellation">Stops the run early; the result then covers the trials done so far.</param>
    /// <returns>The counts, the interval, the engine used and the closed forms beside them.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range; the exception names it.</exception>
    /// <exception cref="ArgumentException"><paramref name="engine"/> cannot run this experiment (e.g. function space with biases).</exception>
    public static CollapseEstimate Estimate(
        int width,
        int depth,
        WeightDistribution weights = WeightDistribution.HeNormal,
        double biasStd = 0,
        long trials = DefaultTrials,
        double? targetHalfWidth = null,
        ulong seed = 1,
        int? threads = null,
        double radius = 1,
        double probe = 1,
        EngineKind engine = EngineKind.Auto,
        CancellationToken cancellation = default)
    {
        var experiment = new CollapseExperiment(width, depth, weights, biasStd, radius, probe);
        var options = Options(trials, targetHalfWidth, seed, threads);
        if (!Enum.IsDefined(engine))
            throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown engine.");
        if (CollapseEngines.Unsupported(engine, experiment) is { } reason)
            throw new ArgumentException($"Cannot run this experiment: {reason}.", nameof(engine));
        var run = MonteCarloDriver.Run(CollapseRun.Start(experiment, engine), options, cancellation: cancellation);
        return new CollapseEstimate(run);
    }

    /// <summary>
    /// Simulates random networks of the consumer's own generated shape <typeparamref name="TNet"/> (its width and depth,
    /// input dimension 1): without biases on the shape's generated weight-space stepper, with biases (N(0, σ_b²), the
    /// shape must have them) on the exact piecewise-linear engine. The counts equal <see cref="Estimate"/>'s with
    /// <see cref="EngineKind.WeightSpace"/> (or <see cref="EngineKind.PiecewiseLinear"/>) for the same arguments, and
    /// <see cref="CollapseEstimate.Code"/> says which code ran.
    /// </summary>
    /// <typeparam name="TNet">A <see cref="NetworkShapeAttribute"/> ReLU shape of width at most <see cref="IWeightSpaceStep{TSelf}.MaxWidth"/>.</typeparam>
    /// <param name="weights">How each layer's weights are drawn (He-normal, He-uniform or orthogonal).</param>
    /// <param name="biasStd">σ_b of the biases: &gt; 0 if and only if the shape has biases.</param>
    /// <param name="trials">Networks to draw; with <paramref name="targetHalfWidth"/>, the most to draw. ≥ 1.</param>
    /// <param name="targetHalfWidth">If set, stop once the Wilson 95% half-width is at most this; in (0, 0.5).</param>
    /// <param name="seed">The seed; the same seed gives the same counts.</param>
    /// <param name="threads">Worker threads, ≥ 1; null uses every core. The counts do not depend on it.</param>
    /// <param name="radius">Half-width r of the input domain [−r, r], finite and &gt; 0.</param>
    /// <param name="probe">The input at which the per-input zero probability is counted, in [−r, r]; ≠ 0 without biases.</param>
    /// <param name="cancellation">Stops the run early; the result then covers the trials done so far.</param>
    /// <returns>The counts, the interval, the engine and code used and the closed forms beside them.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or <paramref name="biasStd"/> disagrees with the shape's biases.</exception>
    /// <example>
    /// <code>
    /// [NetworkShape(4, 10, Bias = false)] partial struct Narrow4x10;
    /// var estimate = CollapseStudy.Estimate&lt;Narrow4x10&gt;(trials: 1_000_000, seed: 7);
    /// Console.WriteLine($"{estimate.Estimate:F4} by {estimate.Code}"); // "generated stepper Narrow4x10"
    /// </code>
    /// </example>
    public static CollapseEstimate Estimate<TNet>(
        WeightDistribution weights = WeightDistribution.HeNormal,
        double biasStd = 0,
        long trials = DefaultTrials,
        double? targetHalfWidth = null,
        ulong seed = 1,
        int? threads = null,
        double radius = 1,
        double probe = 1,
        CancellationToken cancellation = default)
        where TNet : IWeightSpaceStep<TNet>
    {
        var shape = TNet.Architecture;
        if (shape.Bias != biasStd > 0)
            throw new ArgumentOutOfRangeException(nameof(biasStd), biasStd,
                $"{typeof(TNet).Name} {(shape.Bias ? "has biases: σ_b must be > 0" : "has no biases: σ_b must be 0")}.");
        var experiment = new CollapseExperiment(shape.Width, shape.Depth, weights, biasStd, radius, probe);
        var options = Options(trials, targetHalfWidth, seed, threads);
        var engine = shape.Bias ? EngineKind.PiecewiseLinear : EngineKind.WeightSpace;
        var run = MonteCarloDriver.Run<TNet>(CollapseRun.Start(experiment, engine), options, cancellation: cancellation);
        return new CollapseEstimate(run);
    }

    /// <summary>The driver's options; these checks name the estimate's parameters (MonteCarloOptions would name its own properties).</summary>
    private static MonteCarloOptions Options(long trials, double? targetHalfWidth, ulong seed, int? threads)
    {
        if (trials < 1)
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "The number of trials must be positive.");
        if (targetHalfWidth is { } h && !(h > 0 && h < 0.5))
            throw new ArgumentOutOfRangeException(nameof(targetHalfWidth), h, "The target half-width must be in (0, 0.5).");
        if (threads is < 1)
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "At least one thread is needed.");
        return new MonteCarloOptions
        {
            Trials = trials,
            TargetHalfWidth = targetHalfWidth,
            Seed = seed,
            Threads = threads ?? Environment.ProcessorCount,
        };
    }
}
