namespace ReluKernels.Theory;

/// <summary>
/// Trainability of deep bias-free ReLU networks: Shin &amp; Karniadakis (2020) (Shin &amp; Karniadakis, "Trainability of ReLU networks and
/// Data-dependent Initialization"), Corollary 9 (proof in its Appendix G).
/// </summary>
public static class DeepTrainability
{
    /// <summary>
    /// <b>Upper BOUND</b> on the trainability of a network with input dimension 1, <paramref name="hiddenLayers"/> = L
    /// hidden ReLU layers of width n ≥ every requirement m_t, all weights "normal" and all biases zero:
    /// a₁^{L−1} − c·(a₂^{L−1} − a₁^{L−1}), a₁ = 1 − 2^{−n}, a₂ = 1 − 2^{−n+1} − (n − 1)2^{−2n},
    /// c = (1 − 2^{−n+1})(1 − 2^{−n})/(1 + (n − 1)2^{−n}). Source: Shin &amp; Karniadakis 2020, Corollary 9. It does not depend on the m_t.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Derivation (Appendix G): trainability ≤ P(every hidden layer has an active neuron) = 1 − P(born dead), and the
    /// journal version of Lu et al. (2019) (arXiv 1903.06733, Theorem 3) bounds P(born dead) from below; the paper's exponent
    /// L − 1 is that theorem's L − 2 applied to a network with L + 1 layers. So this equals
    /// 1 − <see cref="CollapseTheory.BornDeadLowerBound"/>(n, L) (tested). A bound twice over: the born-dead bound is
    /// one, and trainability also needs few permanently dead neurons.
    /// </para>
    /// <para>
    /// Evaluated as the survival of the 3-state chain behind that bound using only non-negative terms:
    /// (1 − 2e)[a₂^k + b·Σ_{i&lt;k} a₂^i a₁^{k−1−i}] + 2e·a₁^k with e = 2^{−n}, b = 2e + (n − 2)e², k = L − 1
    /// (algebraically identical to the printed closed form, which cancels when the bound is small). Where that survival
    /// is ≥ 1/2 the result is 1 minus the accurately computed death probability instead, so it is non-increasing in L to
    /// the last ulp. L = 1 gives 1.
    /// </para>
    /// </remarks>
    /// <param name="width">Width n of every hidden layer, ≥ 1.</param>
    /// <param name="hiddenLayers">Number L of hidden layers, ≥ 1.</param>
    /// <returns>The bound, in [0, 1], non-increasing in L. E.g. n = 2, L = 2: 27/32.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> &lt; 1 or <paramref name="hiddenLayers"/> &lt; 1.</exception>
    public static double UpperBound(int width, int hiddenLayers)
    {
        ShallowTrainability.RequirePositive(width, nameof(width));
        ShallowTrainability.RequirePositive(hiddenLayers, nameof(hiddenLayers));
        long k = hiddenLayers - 1L;
        if (k == 0)
            return 1;
        int n = width;
        double e = Math.ScaleB(1.0, -n);
        double e2 = Math.ScaleB(e, -n);
        double lnA1 = AccurateMath.Log1P(-e);
        double a1PowK = Math.Exp(k * lnA1);
        double a1PowKm1 = Math.Exp((k - 1) * lnA1);
        // a2 = 1 − 2e − (n − 1)e² is 0 for n = 1.
        double a2PowK = n == 1 ? 0 : Math.Exp(k * AccurateMath.Log1P(-(2 * e + (n - 1.0) * e2)));
        double b = 2 * e + (n - 2.0) * e2;
        // Σ_{i<k} a2^i a1^{k-1-i} = a1^{k-1}(1 − ρ^k)/(1 − ρ), ρ = a2/a1, 1 − ρ = e(1 + (n − 1)e)/a1.
        double oneMinusRho = e * (1 + (n - 1.0) * e) / (1 - e);
        double oneMinusRhoPowK = n == 1 ? 1 : -AccurateMath.ExpM1(k * AccurateMath.Log1P(-oneMinusRho));
        double geometric = a1PowKm1 * oneMinusRhoPowK / oneMinusRho;
        double survival = (1 - 2 * e) * (a2PowK + b * geometric) + 2 * e * a1PowK;
        if (survival >= 0.5)
        {
            // Near 1 the complement is the accurately known quantity (and 1 − x keeps its monotonicity in L to the last
            // ulp); CollapseTheory builds it by binary powering with non-negative terms only.
            return 1 - CollapseTheory.BornDeadLowerBound(width, hiddenLayers);
        }
        return Math.Clamp(survival, 0.0, 1.0);
    }
}
