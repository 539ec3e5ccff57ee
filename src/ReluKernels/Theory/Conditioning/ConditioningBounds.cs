namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// How fast depth decorrelates distinct inputs and conditions the top-layer kernel, for a normalised activation with
/// coefficient of non-linearity μ ∈ (0, 1]: Agarwal, Awasthi &amp; Kale (2021), Lemmas C.5, C.7, C.8, Theorems 3.2, 3.6
/// and Corollaries 3.3, 3.7. All are <b>BOUNDS</b>. The paper's own constants were lost in the copy of the paper we
/// have: the forms below (δ_L, L₀ and the corollaries' thresholds) are <b>reconstructed</b> from its proof skeleton
/// (Lemma C.5 iterated) and hold on every computed sequence (docs/theory/conditioning.md says which and why).
/// </summary>
public static class ConditioningBounds
{
    /// <summary>
    /// L₀(δ) = max(0, ⌈log(1/(2δ)) / log(1 + μ/2)⌉): the depth by which every correlation of magnitude ≤ 1 − δ has
    /// fallen to ≤ 1/2. Reconstructed (Lemma C.7).
    /// </summary>
    /// <param name="mu">μ in (0, 1].</param>
    /// <param name="delta">δ in (0, 1] (Assumption A: |⟨xᵢ, xⱼ⟩| ≤ 1 − δ).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mu"/> or <paramref name="delta"/> is outside (0, 1].</exception>
    public static int DepthToHalf(double mu, double delta)
    {
        RequireUnitInterval(mu, nameof(mu));
        RequireUnitInterval(delta, nameof(delta));
        return Math.Max(0, (int)Math.Ceiling(Math.Log(1 / (2 * delta)) / AccurateMath.Log1P(mu / 2)));
    }

    /// <summary>
    /// δ_L(δ) = 1 − (1 + μ/2)^L δ for L ≤ L₀, else (1/2)(1 − μ/2)^{L − L₀}: Theorem 3.2 bounds every off-diagonal
    /// |K^(L)(xᵢ, xⱼ)| by it (reconstructed; Lemma C.5: 1 − |σ̂(ρ)| ≥ (1 + μ/2)(1 − |ρ|) for |ρ| ≥ 1/2 and
    /// |σ̂(ρ)| ≤ (1 − μ/2)|ρ| for |ρ| ≤ 1/2).
    /// </summary>
    /// <param name="mu">μ in (0, 1].</param>
    /// <param name="delta">δ in (0, 1].</param>
    /// <param name="depth">L ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double Correlation(double mu, double delta, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        int toHalf = DepthToHalf(mu, delta);
        return depth <= toHalf
            ? 1 - Math.Pow(1 + mu / 2, depth) * delta
            : 0.5 * Math.Pow(1 - mu / 2, depth - toHalf);
    }

    /// <summary>
    /// Corollary 3.3 (Gershgorin with unit diagonal): κ(K^(L)) ≤ (1 + nδ_L)/(1 − nδ_L) while nδ_L &lt; 1, +∞ (no bound)
    /// otherwise. Reconstructed.
    /// </summary>
    /// <param name="mu">μ in (0, 1].</param>
    /// <param name="delta">δ in (0, 1].</param>
    /// <param name="inputs">n ≥ 2.</param>
    /// <param name="depth">L ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double ConditionNumber(double mu, double delta, int inputs, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 2);
        double spread = inputs * Correlation(mu, delta, depth);
        return spread < 1 ? (1 + spread) / (1 - spread) : double.PositiveInfinity;
    }

    /// <summary>
    /// Corollary 3.3's depth threshold: from L ≥ L₀(δ) + ⌈(2/μ) ln n⌉ on, nδ_L ≤ 1/2 and so κ(K^(L)) ≤ 1 + 4nδ_L
    /// (by (1 + x)/(1 − x) ≤ 1 + 4x on [0, 1/2]). Reconstructed; the paper's constant was lost.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static int ConditionedDepth(double mu, double delta, int inputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 2);
        return DepthToHalf(mu, delta) + (int)Math.Ceiling(2 / mu * Math.Log(inputs));
    }

    /// <summary>
    /// Theorem 3.6 (Assumption B, λ_min(G) ≥ λ): λ_min(K^(L)) ≥ 1 − δ_L(λ). It follows from Lemma C.8 with the
    /// correlation bound at 1 − λ (see <see cref="SmallestEigenvalueExact"/>). Reconstructed.
    /// </summary>
    /// <param name="mu">μ in (0, 1].</param>
    /// <param name="lambda">λ in (0, 1].</param>
    /// <param name="depth">L ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double SmallestEigenvalue(double mu, double lambda, int depth) => 1 - Correlation(mu, lambda, depth);

    /// <summary>
    /// Lemma C.8 applied to σ̂^(L), whose power series has non-negative coefficients: λ_min(K^(L)) ≥ 1 − σ̂^(L)(1 − λ).
    /// The sharper, activation-specific form of <see cref="SmallestEigenvalue"/>. Re-derived from the paper's proof.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="dual"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double SmallestEigenvalueExact(DualActivation dual, double lambda, int depth)
    {
        RequireUnitInterval(lambda, nameof(lambda));
        return 1 - CorrelationMap.Compose(dual, 1 - lambda, depth);
    }

    /// <summary>
    /// Corollary 3.7 (Assumption B): κ(K^(L)) ≤ (1 + (n − 1)δ_L(λ)) / (1 − δ_L(λ)), from Theorem 3.6 below and
    /// Gershgorin above (Assumption B implies Assumption A with δ = λ, as 2 × 2 principal minors show). Our form; the
    /// paper's case split at L₀(λ) was lost.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double ConditionNumberUnderAssumptionB(double mu, double lambda, int inputs, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 2);
        double correlation = Correlation(mu, lambda, depth);
        return (1 + (inputs - 1) * correlation) / (1 - correlation);
    }

    private static void RequireUnitInterval(double value, string paramName)
    {
        if (!(value > 0 && value <= 1))
            throw new ArgumentOutOfRangeException(paramName, value, "must be in (0, 1].");
    }
}
