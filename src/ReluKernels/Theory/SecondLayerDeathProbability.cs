using MathNet.Numerics.Integration;

namespace ReluKernels.Theory;

/// <summary>
/// Conditional born-dead probabilities p₂ of a second-layer neuron given the first layer, for input dimension 1 and
/// input domain [−r, r]: Shin &amp; Karniadakis (2020), Lemma 14 (b) (p₂(s)) and Lemma 15 (p₂(ω)).
/// </summary>
/// <remarks>
/// <para>
/// p₂(s). Layer 1 is "unit hypersphere" without bias, so each first-layer neuron is ReLU(x) or ReLU(−x); let s be the
/// number of ReLU(x). Layer 2 is "normal" with bias (weights and bias i.i.d. N(0, σ²)). A second-layer neuron is then
/// ReLU(√s·w₁·ReLU(x) + √(n₁ − s)·w₂·ReLU(−x) + b) in distribution (Eq. (16)), and it is dead on [−r, r] exactly when
/// b ≤ 0, b + r√s·w₁ ≤ 0 and b + r√(n₁ − s)·w₂ ≤ 0. Hence p₂(s) = ∫₀^∞ φ(u) Φ(u/(r√s)) Φ(u/(r√(n₁ − s))) du (a factor
/// is 1 when its scale is 0), a trivariate Gaussian orthant probability with the closed form of
/// <see cref="GivenSignSplitClosedForm"/>.
/// </para>
/// <para>
/// Finding. The paper's integral for p₂(s) uses α_s = arctan(s/(n₁ − s)). The boundary between its two integrands is
/// where √s·|cos θ| = √(n₁ − s)·|sin θ|, i.e. α_s = arctan(√s/√(n₁ − s)); with that angle the integral equals the
/// orthant probability to quadrature accuracy, with the printed one it does not (n₁ = 6, r = 1, s = 1: printed 0.246662,
/// true 0.244269). The two agree for s ∈ {0, n₁/2, n₁}. See <see cref="SignSplitAngle"/>.
/// </para>
/// </remarks>
public static class SecondLayerDeathProbability
{
    /// <summary>
    /// Requested relative tolerance of MathNet's adaptive Gauss–Kronrod. Its error estimate is pessimistic (the achieved
    /// error is ~1e−14, checked against the closed form); asking for 1e−14 makes the recursion chase round-off and
    /// explode (minutes for r√n₁ ≈ 300).
    /// </summary>
    private const double QuadratureRelativeTolerance = 1e-12;

    private const int QuadratureMaxDepth = 20;

    /// <summary>
    /// p₂(s) by the paper's integral
    /// p₂(s) = 1/2 + [∫_{π/2}^{π+α_s} g(r√s cos θ) dθ + ∫_{π+α_s}^{2π} g(r√(n₁ − s) sin θ) dθ]/(4π), g(x) = sin(arctan x),
    /// evaluated by adaptive Gauss–Kronrod quadrature (MathNet, 31 points, requested relative tolerance 1e−12; agreement
    /// with the closed form is better than 1e−12). Source: Shin &amp; Karniadakis 2020, Lemma 14 (b) and Theorem 8 (b).
    /// With <see cref="SignSplitAngle.Corrected"/> (default) it is <b>EXACT</b> (equal to
    /// <see cref="GivenSignSplitClosedForm"/>); with <see cref="SignSplitAngle.AsPrinted"/> it reproduces the paper's
    /// formula, which is wrong for s ∉ {0, n₁/2, n₁} (neither a bound nor exact; it over-states p₂ for s &lt; n₁/2).
    /// </summary>
    /// <param name="firstLayerWidth">n₁, ≥ 1.</param>
    /// <param name="positiveCount">s, the number of first-layer neurons equal to ReLU(x), 0 ≤ s ≤ n₁.</param>
    /// <param name="r">Radius of the input interval [−r, r], finite and &gt; 0.</param>
    /// <param name="angle">Which α_s to use.</param>
    /// <returns>p₂(s) in [1/8, 1/2].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double GivenSignSplit(int firstLayerWidth, int positiveCount, double r, SignSplitAngle angle = SignSplitAngle.Corrected)
    {
        RequireSignSplit(firstLayerWidth, positiveCount, r);
        int n1 = firstLayerWidth, s = positiveCount;
        double alpha = angle switch
        {
            SignSplitAngle.Corrected => Math.Atan2(Math.Sqrt(s), Math.Sqrt(n1 - s)),
            SignSplitAngle.AsPrinted => Math.Atan2(s, n1 - s),
            _ => throw new ArgumentOutOfRangeException(nameof(angle), angle, "angle is not a defined SignSplitAngle value."),
        };
        double c1 = r * Math.Sqrt(s), c2 = r * Math.Sqrt(n1 - s);
        double first = c1 == 0 ? 0 : Integrate(t => G(c1 * Math.Cos(t)), Math.PI / 2, Math.PI + alpha);
        double second = c2 == 0 ? 0 : Integrate(t => G(c2 * Math.Sin(t)), Math.PI + alpha, 2 * Math.PI);
        return Math.Clamp(0.5 + (first + second) / (4 * Math.PI), 0.0, 1.0);
    }

    /// <summary>
    /// p₂(s) in closed form: with c₁ = r√s, c₂ = r√(n₁ − s),
    /// p₂(s) = 1/8 + [arctan(1/c₁) + arctan(1/c₂) + arctan(1/√(c₁² + c₂² + c₁²c₂²))]/(4π) (arctan(1/0) = π/2).
    /// Source: derived here (not in the paper) as the orthant probability P(b ≤ 0, b + c₁w₁ ≤ 0, b + c₂w₂ ≤ 0) of i.i.d.
    /// standard normals, 1/8 + (arcsin ρ₁₂ + arcsin ρ₁₃ + arcsin ρ₂₃)/(4π), with ρ₁₂ = 1/√(1 + c₁²),
    /// ρ₁₃ = 1/√(1 + c₂²), ρ₂₃ = ρ₁₂ρ₁₃, each arcsin rewritten as a well-conditioned arctan. <b>EXACT</b>; it equals the
    /// paper's integral with the corrected angle (Lemma 14 (b)).
    /// </summary>
    /// <param name="firstLayerWidth">n₁, ≥ 1.</param>
    /// <param name="positiveCount">s, 0 ≤ s ≤ n₁.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>p₂(s) in (1/8, 1/2).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double GivenSignSplitClosedForm(int firstLayerWidth, int positiveCount, double r)
    {
        RequireSignSplit(firstLayerWidth, positiveCount, r);
        double c1 = r * Math.Sqrt(positiveCount), c2 = r * Math.Sqrt(firstLayerWidth - positiveCount);
        double joint = c1 == 0 ? c2 : c2 == 0 ? c1 : Math.Sqrt(c1 * c1 + c2 * c2 + c1 * c1 * (c2 * c2));
        return 0.125 + (Math.Atan2(1, c1) + Math.Atan2(1, c2) + Math.Atan2(1, joint)) / (4 * Math.PI);
    }

    /// <summary>
    /// Lemma 15: born-dead probability of a second-layer neuron with (w², b²) uniform on S¹ (or i.i.d. normal), given the
    /// angle ω of the single first-layer neuron (w¹, b¹) = (sin ω, cos ω) ("unit hypersphere" with bias, n₁ = 1):
    /// 1 for |ω| ≥ π/2 + α_r; 1/4 + g(|ω| − α_r)/(2π) for π/2 − α_r ≤ |ω| &lt; π/2 + α_r; and
    /// 1/4 + [g(|ω| − α_r) + arctan(√(r² + 1) cos(|ω| + α_r))]/(2π) for |ω| &lt; π/2 − α_r, with
    /// g(x) = arctan(1/(√(r² + 1) cos x)), α_r = arctan r. Source: Shin &amp; Karniadakis 2020, Lemma 15 (used in Lemma 14 (d) and
    /// Theorem 8 (d)). <b>EXACT</b>: it equals 1/2 − (arctan y_max − arctan y_min)/(2π) with y_max, y_min the largest
    /// and smallest first-layer output on [−r, r].
    /// </summary>
    /// <param name="omega">ω in [−π, π].</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>p₂(ω) in [1/4, 1/2] on the active set |ω| &lt; π/2 + α_r, and 1 outside it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="omega"/> outside [−π, π], or <paramref name="r"/> not finite and positive.</exception>
    public static double GivenFirstLayerAngle(double omega, double r)
    {
        if (!(omega >= -Math.PI && omega <= Math.PI))
            throw new ArgumentOutOfRangeException(nameof(omega), omega, "omega must lie in [-pi, pi].");
        BornDeadProbability.RequireRadius(r, nameof(r));
        double w = Math.Abs(omega);
        double alphaR = Math.Atan(r);
        if (w >= Math.PI / 2 + alphaR)
            return 1;
        double radius = Math.Sqrt(1 + r * r);
        // g(x) = arctan(1/(R cos x)); cos x ≥ 0 here (x < π/2), clamped against rounding so 1/0 → π/2, never −π/2.
        double g = Math.Atan2(1, radius * Math.Max(0, Math.Cos(w - alphaR)));
        if (w >= Math.PI / 2 - alphaR)
            return 0.25 + g / (2 * Math.PI);
        return 0.25 + (g + Math.Atan(radius * Math.Cos(w + alphaR))) / (2 * Math.PI);
    }

    /// <summary>g(x) = sin(arctan x) = x/√(1 + x²).</summary>
    private static double G(double x) => x / Math.Sqrt(1 + x * x);

    private static double Integrate(Func<double, double> f, double a, double b) =>
        GaussKronrodRule.Integrate(f, a, b, out _, out _, QuadratureRelativeTolerance, QuadratureMaxDepth, order: 31);

    private static void RequireSignSplit(int firstLayerWidth, int positiveCount, double r)
    {
        ShallowTrainability.RequirePositive(firstLayerWidth, nameof(firstLayerWidth));
        if (positiveCount < 0 || positiveCount > firstLayerWidth)
            throw new ArgumentOutOfRangeException(nameof(positiveCount), positiveCount,
                $"positiveCount (s) must lie in 0..firstLayerWidth ({firstLayerWidth}).");
        BornDeadProbability.RequireRadius(r, nameof(r));
    }
}
