namespace ReluKernels.Training.Data;

/// <summary>The target functions of the papers' training experiments (the domains and samplings are in <see cref="Problems"/>).</summary>
public static class Targets
{
    /// <summary>|x| (Lu et al. 2019, Fig. 1; Shin &amp; Karniadakis's f1): exactly <c>[1 1]·ReLU([1; −1] x)</c>, width 2, one hidden layer.</summary>
    public static TargetFunction Abs { get; } = new("|x|", 1, 1, (x, y) => y[0] = Math.Abs(x[0]));

    /// <summary>x·sin(5x) (Lu et al. 2019, Fig. 2, a C^∞ target).</summary>
    public static TargetFunction XSin5X { get; } = new("x·sin(5x)", 1, 1, (x, y) => y[0] = x[0] * Math.Sin(5 * x[0]));

    /// <summary>1{x &gt; 0} + 0.2·sin(5x) (Lu et al. 2019, Fig. 3, a discontinuous L² target; the indicator is 0 at x = 0).</summary>
    public static TargetFunction StepSine { get; } =
        new("1{x>0} + 0.2·sin(5x)", 1, 1, (x, y) => y[0] = (x[0] > 0 ? 1 : 0) + 0.2 * Math.Sin(5 * x[0]));

    /// <summary>[|x₁ + x₂|, |x₁ − x₂|] (Lu et al. 2019, Fig. 4): 2-D input and output, one hidden layer of width 4 represents it exactly.</summary>
    public static TargetFunction AbsSumDiff { get; } = new("[|x1+x2|, |x1−x2|]", 2, 2, (x, y) =>
    {
        y[0] = Math.Abs(x[0] + x[1]);
        y[1] = Math.Abs(x[0] - x[1]);
    });

    /// <summary>
    /// Shin &amp; Karniadakis 2020, §5.1's f₂(x) = |x| − c·max(x − 1, 0) − c·max(−x − 1, 0) with c = √3/(√3 − 1): |x| on [−1, 1], falling linearly
    /// to 0 at ±√3; a shallow network of width 4 represents it exactly.
    /// </summary>
    public static TargetFunction F2 { get; } = new("|x| − c·max(x−1,0) − c·max(−x−1,0), c = √3/(√3−1)", 1, 1, (x, y) =>
    {
        double c = Math.Sqrt(3) / (Math.Sqrt(3) - 1);
        y[0] = Math.Abs(x[0]) - c * Math.Max(x[0] - 1, 0) - c * Math.Max(-x[0] - 1, 0);
    });

    /// <summary>sin(4πx) + sin(6πx) (Shin &amp; Karniadakis 2020, §4, Figs. 2–3).</summary>
    public static TargetFunction TwoSines { get; } =
        new("sin(4πx) + sin(6πx)", 1, 1, (x, y) => y[0] = Math.Sin(4 * Math.PI * x[0]) + Math.Sin(6 * Math.PI * x[0]));

    /// <summary>Shin &amp; Karniadakis 2020, eq. (6): f₃(x) = sin(πx₁)·cos(πx₂)·exp(−x₁² − x₂²).</summary>
    public static TargetFunction F3 { get; } = new("sin(πx1)·cos(πx2)·exp(−x1²−x2²)", 2, 1,
        (x, y) => y[0] = Math.Sin(Math.PI * x[0]) * Math.Cos(Math.PI * x[1]) * Math.Exp(-x[0] * x[0] - x[1] * x[1]));

    /// <summary>Shin &amp; Karniadakis 2020, eq. (6): f₄(x) = sin(π(x₁ − x₂))·exp(x₁ + x₂).</summary>
    public static TargetFunction F4 { get; } = new("sin(π(x1−x2))·exp(x1+x2)", 2, 1,
        (x, y) => y[0] = Math.Sin(Math.PI * (x[0] - x[1])) * Math.Exp(x[0] + x[1]));
}
