namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// How fast depth conditions the infinite-width NTK Θ^(L) (<see cref="InfiniteWidthKernel"/>) for a normalised activation
/// with coefficient of non-linearity μ and finite s = σ̂′(1): Agarwal, Awasthi &amp; Kale (2021), Theorems 3.4, 3.8 and
/// Corollaries 3.5, 3.9. All are <b>BOUNDS</b>, in <b>our form</b>: the paper's statements were lost in the copy we have;
/// only their proof skeleton survives (equal diagonal Σ_{k≤L} s^k; each off-diagonal term of formula (7) bounded through
/// Theorem 3.2 and a derivative bound; Lemma C.8 on the NTK map, whose power series has non-negative coefficients). The
/// forms below follow that skeleton with our constants and rest on <see cref="ConditioningBounds.Correlation"/>, itself
/// reconstructed.
/// </summary>
public static class NeuralTangentBounds
{
    /// <summary>
    /// A bound on |σ̂′(ρ)| for |ρ| ≤ c: s for c &gt; 1/2 (σ̂′ has non-negative Hermite coefficients i·aᵢ², so |σ̂′(ρ)| ≤ σ̂′(|ρ|) ≤ σ̂′(1)),
    /// and 1 − μ(1 − 2c) when c ≤ 1/2 (σ̂′(c) = a₁² + Σ_{i≥2} i aᵢ² c^{i−1} with a₁² = 1 − μ and i c^{i−2} ≤ 2 for c ≤ 1/2). Ours.
    /// </summary>
    /// <param name="mu">μ in (0, 1].</param>
    /// <param name="derivativeAtOne">s = σ̂′(1) ≥ 1, finite.</param>
    /// <param name="correlation">c in [0, 1].</param>
    public static double DerivativeFactor(double mu, double derivativeAtOne, double correlation) =>
        correlation <= 0.5 ? 1 - mu * (1 - 2 * correlation) : derivativeAtOne;

    /// <summary>The common diagonal Θ^(L)(x, x) = Σ_{k=0}^{L} s^k (Theorem 3.4's first statement). <b>EXACT</b>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="derivativeAtOne"/> is not finite and ≥ 1, or <paramref name="depth"/> &lt; 0.</exception>
    public static double Diagonal(double derivativeAtOne, int depth)
    {
        RequireDerivative(derivativeAtOne);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        double sum = 0, power = 1;
        for (int k = 0; k <= depth; k++, power *= derivativeAtOne)
            sum += power;
        return sum;
    }

    /// <summary>
    /// Theorem 3.4 (Assumption A), our form: every off-diagonal |Θ^(L)ᵢⱼ| / Θ^(L)ᵢᵢ ≤ r_L(δ) =
    /// Σ_{h=1}^{L+1} δ_{h−1} Π_{h′=h}^{L} d(δ_{h′−1}) / Σ_{k=0}^{L} s^k, with δ_h = <see cref="ConditioningBounds.Correlation"/>
    /// (δ₀ = 1 − δ) and d = <see cref="DerivativeFactor"/>: formula (7) term by term.
    /// </summary>
    /// <param name="mu">μ in (0, 1].</param>
    /// <param name="derivativeAtOne">s = σ̂′(1) ≥ 1, finite.</param>
    /// <param name="delta">δ in (0, 1].</param>
    /// <param name="depth">L ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double RelativeCorrelation(double mu, double derivativeAtOne, double delta, int depth)
    {
        double diagonal = Diagonal(derivativeAtOne, depth);
        // Horner over formula (7): T_h = δ_h + d(δ_h)·T_{h−1}, T_0 = δ_0 — the recursion of NeuralTangentMap with bounds in place of values.
        double sum = ConditioningBounds.Correlation(mu, delta, 0);
        for (int h = 1; h <= depth; h++)
            sum = ConditioningBounds.Correlation(mu, delta, h) + DerivativeFactor(mu, derivativeAtOne, ConditioningBounds.Correlation(mu, delta, h - 1)) * sum;
        return sum / diagonal;
    }

    /// <summary>
    /// Corollary 3.5 (Gershgorin on Θ with equal diagonal), our form: κ(Θ^(L)) ≤ (1 + (n − 1)r_L)/(1 − (n − 1)r_L) while
    /// (n − 1)r_L &lt; 1, +∞ (no bound) otherwise.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double ConditionNumber(double mu, double derivativeAtOne, double delta, int inputs, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 2);
        double spread = (inputs - 1) * RelativeCorrelation(mu, derivativeAtOne, delta, depth);
        return spread < 1 ? (1 + spread) / (1 - spread) : double.PositiveInfinity;
    }

    /// <summary>
    /// Theorem 3.8 (Assumption B, λ_min(G) ≥ λ), activation-specific form: λ_min(Θ^(L)) ≥ Θ^(L)(1) − Θ^(L)(1 − λ), Lemma C.8
    /// applied to the scalar NTK map ρ ↦ Θ^(L)(ρ) (<see cref="NeuralTangentMap"/>), whose power series has non-negative
    /// coefficients (as the paper argues, by Schoenberg's theorem). Re-derived from the paper's proof.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="dual"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double SmallestEigenvalueExact(DualActivation dual, double lambda, int depth)
    {
        if (!(lambda > 0 && lambda <= 1))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "must be in (0, 1].");
        return NeuralTangentMap.Sequence(dual, 1, depth)[depth] - NeuralTangentMap.Sequence(dual, 1 - lambda, depth)[depth];
    }

    /// <summary>
    /// Theorem 3.8 in terms of μ and s, our form: λ_min(Θ^(L)) ≥ Σ_{k≤L} s^k · (1 − r_L(λ)) — <see cref="SmallestEigenvalueExact"/>
    /// with Θ^(L)(1 − λ) bounded as in <see cref="RelativeCorrelation"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double SmallestEigenvalue(double mu, double derivativeAtOne, double lambda, int depth) =>
        Diagonal(derivativeAtOne, depth) * (1 - RelativeCorrelation(mu, derivativeAtOne, lambda, depth));

    /// <summary>
    /// Corollary 3.9 (Assumption B), our form: κ(Θ^(L)) ≤ (1 + (n − 1)r_L(λ)) / (1 − r_L(λ)), from
    /// <see cref="SmallestEigenvalue"/> below and Gershgorin above (Assumption B implies Assumption A with δ = λ).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double ConditionNumberUnderAssumptionB(double mu, double derivativeAtOne, double lambda, int inputs, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 2);
        double r = RelativeCorrelation(mu, derivativeAtOne, lambda, depth);
        return r < 1 ? (1 + (inputs - 1) * r) / (1 - r) : double.PositiveInfinity;
    }

    private static void RequireDerivative(double derivativeAtOne)
    {
        // σ̂′(1) = Σ i aᵢ² ≥ Σ aᵢ² = 1; quadrature may land a rounding below 1 (exponential: exactly 1).
        if (!(derivativeAtOne >= 1 - InfiniteWidthKernel.NormalisationTolerance && double.IsFinite(derivativeAtOne)))
            throw new ArgumentOutOfRangeException(nameof(derivativeAtOne), derivativeAtOne, "σ̂′(1) must be finite and at least 1 (sign has no NTK).");
    }
}
