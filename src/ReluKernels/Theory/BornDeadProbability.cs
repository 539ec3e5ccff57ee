namespace ReluKernels.Theory;

/// <summary>
/// Born-dead probability of one ReLU neuron with a random bias on the ball B_r(0) ⊂ ℝ^d: Shin &amp; Karniadakis (2020) (Shin &amp; Karniadakis,
/// "Trainability of ReLU networks and Data-dependent Initialization"), Lemma 11, Eqs. (9)–(10), also Eq. (14) of
/// Lemma 13.
/// </summary>
/// <remarks>
/// <para>
/// p̂_d(r) = Surf(S^{d−1})/Surf(S^d) · ∫₀^α (sin u)^{d−1} du with α = arctan(1/r). It is the probability that
/// wᵀx + b ≤ 0 for every x in B_r(0) when the direction of [w, b] is uniform on S^d ("normal" with W and b of one
/// variance, or "unit hypersphere" with bias), i.e. p̂ = P(b &gt; r‖w‖) for i.i.d. normals (b ≥ −r‖w‖ by symmetry).
/// </para>
/// <para>
/// Evaluation. With the substitution t = sin²u the integral is ½·B(d/2, ½)·I_{sin²α}(d/2, ½), and the prefactor is
/// 1/B(d/2, ½), so p̂ = ½·I_{1/(1+r²)}(d/2, ½) (equivalently the upper tail P(T_d &gt; r√d) of Student's t with d degrees
/// of freedom). The regularised incomplete beta is evaluated here by its continued fraction, with the prefactor
/// (sin α)^d cos α·Γ((d+1)/2)/(√π Γ(d/2))/d formed in log space and the gamma ratio from an asymptotic series for large
/// d (no cancellation of large log-gammas), so the result keeps ~1e−14 relative accuracy even where it is tiny
/// (e.g. d = 1000, r = 1 gives ≈ 1e−152). MathNet's <c>BetaRegularized</c> is not used: its prefactor loses
/// ~d·ε relative accuracy and its iteration cap is 100.
/// </para>
/// <para>All members are pure and thread-safe and never return NaN.</para>
/// </remarks>
public static class BornDeadProbability
{
    /// <summary>Iteration cap of the continued fraction (it needs O(√d) terms in the worst case, far fewer usually).</summary>
    private const int MaxContinuedFractionTerms = 10_000_000;

    /// <summary>
    /// p̂_d(r): probability that a ReLU neuron with i.i.d. N(0, σ²) weights and bias (or a uniform direction of
    /// [w, b] on S^d) is dead on the whole ball B_r(0) ⊂ ℝ^d. Source: Shin &amp; Karniadakis 2020, Lemma 11, Eq. (9) (= Eq. (14)).
    /// <b>EXACT</b>. Examples: d = 1 gives arctan(1/r)/π (1/4 at r = 1, 1/3 at r = 1/√3); d = 2 gives (1 − cos α)/2;
    /// d = 3 gives (α − sin α cos α)/π, with α = arctan(1/r). Always &lt; 1/2 and decreasing in r.
    /// </summary>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius r of the input ball, finite and &gt; 0.</param>
    /// <returns>p̂_d(r) in [0, 1/2) (0 only after underflow, e.g. d in the thousands with r ≫ 1; see <see cref="LogValue"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> &lt; 1, or <paramref name="r"/> not finite and positive.</exception>
    public static double Value(int inputDim, double r) => Math.Exp(LogValue(inputDim, r));

    /// <summary>
    /// ln p̂_d(r) (see <see cref="Value"/>), finite even where p̂ itself underflows. Source: Shin &amp; Karniadakis 2020, Lemma 11.
    /// <b>EXACT</b>.
    /// </summary>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius r of the input ball, finite and &gt; 0.</param>
    /// <returns>ln p̂_d(r) &lt; −ln 2.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> &lt; 1, or <paramref name="r"/> not finite and positive.</exception>
    public static double LogValue(int inputDim, double r)
    {
        RequireInputDim(inputDim, nameof(inputDim));
        RequireRadius(r, nameof(r));
        double d = inputDim;
        double a = 0.5 * d;
        double lnOnePlusR2 = LogOnePlusSquare(r);
        double lnSinPowD = -a * lnOnePlusR2;          // ln (sin α)^d, sin²α = 1/(1 + r²)
        double lnCos = Math.Log(r) - 0.5 * lnOnePlusR2; // ln cos α,    cos²α = r²/(1 + r²)
        double x = Math.Exp(-lnOnePlusR2);              // sin²α
        if (x < (a + 1) / (a + 2.5))
        {
            // p̂ = ½ I_x(d/2, ½) = (g(d)/d) (sin α)^d cos α · CF(d/2, ½; x)
            double h = BetaContinuedFraction(a, 0.5, x);
            return LogSphereAreaRatio(inputDim) - Math.Log(d) + lnSinPowD + lnCos + Math.Log(h);
        }
        // p̂ = ½ (1 − I_{cos²α}(½, d/2)) = ½ − g(d) (sin α)^d cos α · CF(½, d/2; cos²α); here p̂ is not small.
        double y = Math.Exp(2 * Math.Log(r) - lnOnePlusR2); // cos²α
        double hc = BetaContinuedFraction(0.5, a, y);
        double complement = Math.Exp(LogSphereAreaRatio(inputDim) + lnSinPowD + lnCos) * hc;
        return Math.Log(Math.Max(0.5 - complement, double.Epsilon));
    }

    /// <summary>
    /// Lower bound of Eq. (10): p̂_d(r) ≥ (sin α)^d/(π d), α = arctan(1/r). Source: Shin &amp; Karniadakis 2020, Lemma 11, Eq. (10).
    /// A <b>lower BOUND</b> on <see cref="Value"/> (from ∫₀^α sin^{d−1} ≥ sin^d α/d and Surf(S^{d−1})/Surf(S^d) ≥ 1/π).
    /// It is exp(−C_r d)/(π d), the right-hand side of Theorem 6's condition (4).
    /// </summary>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius r, finite and &gt; 0.</param>
    /// <returns>(sin α)^d/(π d).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> &lt; 1, or <paramref name="r"/> not finite and positive.</exception>
    public static double LowerBound(int inputDim, double r)
    {
        RequireInputDim(inputDim, nameof(inputDim));
        RequireRadius(r, nameof(r));
        return Math.Exp(-0.5 * inputDim * LogOnePlusSquare(r)) / (Math.PI * inputDim);
    }

    /// <summary>
    /// Upper bound of Eq. (10): p̂_d(r) ≤ √(d/2π)·α·(sin α)^{d−1}, α = arctan(1/r). Source: Shin &amp; Karniadakis 2020, Lemma 11,
    /// Eq. (10). An <b>upper BOUND</b> on <see cref="Value"/> (from Surf(S^{d−1})/Surf(S^d) ≤ √(d/2π) and
    /// ∫₀^α sin^{d−1} ≤ α sin^{d−1}α). Can exceed 1/2 (then it is vacuous): as r → 0 it tends to √(d/2π)·π/2, which is &gt; 1/2 for every d.
    /// </summary>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius r, finite and &gt; 0.</param>
    /// <returns>√(d/2π)·α·(sin α)^{d−1}.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> &lt; 1, or <paramref name="r"/> not finite and positive.</exception>
    public static double UpperBound(int inputDim, double r)
    {
        RequireInputDim(inputDim, nameof(inputDim));
        RequireRadius(r, nameof(r));
        double alpha = Math.Atan2(1.0, r);
        return Math.Sqrt(inputDim / (2 * Math.PI)) * alpha * Math.Exp(-0.5 * (inputDim - 1.0) * LogOnePlusSquare(r));
    }

    /// <summary>
    /// The prefactor of Lemma 11: Surf(S^{d−1})/Surf(S^d) = Γ((d+1)/2)/(√π Γ(d/2)) = 1/B(d/2, ½). Source: Shin &amp; Karniadakis (2020),
    /// Lemma 11 proof. <b>EXACT</b>. Equals 1/π at d = 1 and 1/2 at d = 2, increases with d, and stays below √(d/2π)
    /// (the paper cites Leopardi 2007; it follows from Gautschi's inequality).
    /// </summary>
    /// <param name="inputDim">d, ≥ 1.</param>
    /// <returns>The ratio, in [1/π, √(d/2π)).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> &lt; 1.</exception>
    public static double SphereAreaRatio(int inputDim)
    {
        RequireInputDim(inputDim, nameof(inputDim));
        return Math.Exp(LogSphereAreaRatio(inputDim));
    }

    /// <summary>ln(Γ((d+1)/2)/(√π Γ(d/2))): products of exact ratios for d &lt; 40, an asymptotic series beyond.</summary>
    internal static double LogSphereAreaRatio(int d)
    {
        if (d < 40)
        {
            // g(1) = 1/π, g(2) = 1/2, g(k + 2) = g(k)·(k + 1)/k: at most 19 roundings.
            double g = (d & 1) == 1 ? 1.0 / Math.PI : 0.5;
            for (int k = 2 - (d & 1); k + 2 <= d; k += 2)
                g *= (k + 1.0) / k;
            return Math.Log(g);
        }
        return LogGammaRatioHalf(0.5 * d) - 0.5 * Math.Log(Math.PI);
    }

    /// <summary>
    /// ln Γ(a + ½) − ln Γ(a) for a ≥ 20 from Stirling's series, written so that nothing large cancels:
    /// a·ln(1 + 1/(2a)) − ½ + ½ ln a + δ(a + ½) − δ(a), δ(z) = 1/(12z) − 1/(360z³) + … (truncation error &lt; 1e−19).
    /// </summary>
    private static double LogGammaRatioHalf(double a) =>
        (a * AccurateMath.Log1P(0.5 / a) - 0.5) + 0.5 * Math.Log(a) + (StirlingTail(a + 0.5) - StirlingTail(a));

    private static double StirlingTail(double z)
    {
        double z2 = 1.0 / (z * z);
        return (1.0 / 12 - z2 * (1.0 / 360 - z2 * (1.0 / 1260 - z2 * (1.0 / 1680 - z2 * (1.0 / 1188 - z2 * (691.0 / 360360)))))) / z;
    }

    /// <summary>ln(1 + r²) without overflow for large r or loss for small r.</summary>
    internal static double LogOnePlusSquare(double r) =>
        r <= 1 ? AccurateMath.Log1P(r * r) : 2 * Math.Log(r) + AccurateMath.Log1P(1.0 / (r * r));

    /// <summary>
    /// The continued fraction of I_x(a, b) (modified Lentz), so that I_x(a, b) = x^a (1 − x)^b/(a B(a, b))·CF.
    /// Converges quickly for x &lt; (a + 1)/(a + b + 2), the only way it is called.
    /// </summary>
    private static double BetaContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        double qab = a + b, qap = a + 1, qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.Abs(d) < tiny)
            d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MaxContinuedFractionTerms; m++)
        {
            double dm = m, m2 = 2.0 * m;
            double aa = dm * (b - dm) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.Abs(d) < tiny)
                d = tiny;
            c = 1 + aa / c;
            if (Math.Abs(c) < tiny)
                c = tiny;
            d = 1 / d;
            h *= d * c;
            aa = -(a + dm) * (qab + dm) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.Abs(d) < tiny)
                d = tiny;
            c = 1 + aa / c;
            if (Math.Abs(c) < tiny)
                c = tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) <= 4e-16)
                break;
        }
        return h;
    }

    internal static void RequireInputDim(int inputDim, string paramName)
    {
        if (inputDim < 1)
            throw new ArgumentOutOfRangeException(paramName, inputDim, $"{paramName} (the input dimension d) must be at least 1.");
    }

    internal static void RequireRadius(double r, string paramName)
    {
        if (!(r > 0) || double.IsPositiveInfinity(r))
            throw new ArgumentOutOfRangeException(paramName, r, $"{paramName} (the radius of the input ball) must be finite and positive.");
    }
}
