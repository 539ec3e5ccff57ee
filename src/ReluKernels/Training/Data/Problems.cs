namespace ReluKernels.Training.Data;

/// <summary>
/// The papers' training tasks with their domains and samplings. Where a paper does not state a setting, the value
/// here is this project's choice and <see cref="TargetProblem.Source"/> says so.
/// </summary>
/// <remarks>
/// <para><b>Lu et al. (2019, Sec. 2)</b> states the targets, the network (10 layers, width 2; width 4 for the 2-D
/// target), MSE and MAE losses, mini-batch 128 and zero-initialised biases, but <b>not</b> the domain, the training-set
/// size or the sampling. The domains here follow the figures' axes: x ∈ [−1.5, 1.5] for |x| (Fig. 1) and [−1, 1] for
/// the other 1-D targets (Figs. 2, 3, 5) and for both coordinates of the 2-D target (Fig. 4). The 1000 uniform random
/// training points and the test sets are our choice.</para>
/// <para><b>Shin &amp; Karniadakis (2020)</b> states everything used here: §5.1 f₁ = |x| and f₂ on [−√3, √3] with
/// 600 uniform training and 1000 uniform test points; §4 sin(4πx) + sin(6πx) on 100 equidistant points of [−1, 1]
/// (no test set: ours is 1000 equidistant points); §5.2 f₃ and f₄ on 25 uniform points of [−1, 1]² (no test set: ours is
/// the 32 × 32 grid).</para>
/// </remarks>
public static class Problems
{
    private const string LuEtAlSource = "Lu et al. 2019, Sec. 2: target and network from the paper; the domain follows the figure axes, "
        + "the 1000 uniform training points and the test set are our choice (the paper states neither)";

    /// <summary>|x| on [−1.5, 1.5] (Lu et al. 2019, Fig. 1); 1000 uniform training points, 1000 equidistant test points.</summary>
    public static TargetProblem Abs { get; } = new("abs", Targets.Abs, 1.5,
        new Sampling(SamplingKind.UniformRandom, 1000), new Sampling(SamplingKind.Equidistant, 1000), LuEtAlSource);

    /// <summary>x·sin(5x) on [−1, 1] (Lu et al. 2019, Fig. 2); sampling as <see cref="Abs"/>.</summary>
    public static TargetProblem XSin5X { get; } = new("xsin5x", Targets.XSin5X, 1,
        new Sampling(SamplingKind.UniformRandom, 1000), new Sampling(SamplingKind.Equidistant, 1000), LuEtAlSource);

    /// <summary>1{x &gt; 0} + 0.2·sin(5x) on [−1, 1] (Lu et al. 2019, Fig. 3); sampling as <see cref="Abs"/>.</summary>
    public static TargetProblem StepSine { get; } = new("step-sine", Targets.StepSine, 1,
        new Sampling(SamplingKind.UniformRandom, 1000), new Sampling(SamplingKind.Equidistant, 1000), LuEtAlSource);

    /// <summary>[|x₁ + x₂|, |x₁ − x₂|] on [−1, 1]² (Lu et al. 2019, Fig. 4); 1000 uniform training points, the 32 × 32 test grid.</summary>
    public static TargetProblem AbsSumDiff { get; } = new("abs-sum-diff", Targets.AbsSumDiff, 1,
        new Sampling(SamplingKind.UniformRandom, 1000), new Sampling(SamplingKind.Equidistant, 32 * 32), LuEtAlSource);

    /// <summary>f₁ = |x| on [−√3, √3] with 600 uniform training and 1000 uniform test points (Shin &amp; Karniadakis 2020, §5.1, Fig. 4).</summary>
    public static TargetProblem F1 { get; } = new("f1", Targets.Abs, Math.Sqrt(3),
        new Sampling(SamplingKind.UniformRandom, 600), new Sampling(SamplingKind.UniformRandom, 1000),
        "Shin & Karniadakis 2020, §5.1: domain, 600 uniform training and 1000 uniform test points from the paper");

    /// <summary>f₂ on [−√3, √3] with 600 uniform training and 1000 uniform test points (Shin &amp; Karniadakis 2020, §5.1, Fig. 5).</summary>
    public static TargetProblem F2 { get; } = new("f2", Targets.F2, Math.Sqrt(3),
        new Sampling(SamplingKind.UniformRandom, 600), new Sampling(SamplingKind.UniformRandom, 1000),
        "Shin & Karniadakis 2020, §5.1: domain, 600 uniform training and 1000 uniform test points from the paper");

    /// <summary>sin(4πx) + sin(6πx) on 100 equidistant points of [−1, 1] (Shin &amp; Karniadakis 2020, §4, Figs. 2–3); test: 1000 equidistant points (our choice).</summary>
    public static TargetProblem TwoSines { get; } = new("two-sines", Targets.TwoSines, 1,
        new Sampling(SamplingKind.Equidistant, 100), new Sampling(SamplingKind.Equidistant, 1000),
        "Shin & Karniadakis 2020, §4: domain and 100 equidistant training points from the paper; the 1000-point test grid is our choice");

    /// <summary>f₃ on 25 uniform points of [−1, 1]² (Shin &amp; Karniadakis 2020, §5.2, Fig. 6 left); test: the 32 × 32 grid (our choice).</summary>
    public static TargetProblem F3 { get; } = new("f3", Targets.F3, 1,
        new Sampling(SamplingKind.UniformRandom, 25), new Sampling(SamplingKind.Equidistant, 32 * 32),
        "Shin & Karniadakis 2020, §5.2: domain and 25 uniform training points from the paper; the 32×32 test grid is our choice");

    /// <summary>f₄ on 25 uniform points of [−1, 1]² (Shin &amp; Karniadakis 2020, §5.2, Fig. 6 right); test: the 32 × 32 grid (our choice).</summary>
    public static TargetProblem F4 { get; } = new("f4", Targets.F4, 1,
        new Sampling(SamplingKind.UniformRandom, 25), new Sampling(SamplingKind.Equidistant, 32 * 32),
        "Shin & Karniadakis 2020, §5.2: domain and 25 uniform training points from the paper; the 32×32 test grid is our choice");

    /// <summary>Every problem above, in the order listed.</summary>
    public static IReadOnlyList<TargetProblem> All { get; } = [Abs, XSin5X, StepSine, AbsSumDiff, F1, F2, TwoSines, F3, F4];

    /// <summary>The problem named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No problem has that name; the message lists the names.</exception>
    public static TargetProblem Named(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown problem '{name}'; known: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));
}
