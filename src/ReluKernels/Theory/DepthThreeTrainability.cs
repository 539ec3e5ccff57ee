namespace ReluKernels.Theory;

/// <summary>
/// Trainability of depth-3 ReLU networks n = (1, n₁, n₂, n₃) on [−r, r]: Shin &amp; Karniadakis (2020) (Shin &amp; Karniadakis,
/// "Trainability of ReLU networks and Data-dependent Initialization"), <b>Theorem 8 of Shin &amp; Karniadakis (2020)</b> (not to be confused
/// with Lu et al.'s Theorem 8 in <see cref="CollapseTheory"/>), its proof (Appendix F, Lemma 16) and its four cases
/// (<see cref="FirstTwoLayersScheme"/>).
/// </summary>
/// <remarks>
/// <para>
/// Definition (Definition 7 with Lemma 16): the network is trainable for requirements m₁ ≤ n₁, m₂ ≤ n₂ when
/// at least m₁ first-layer neurons are active (first-layer deaths are permanent), at least one layer-2 neuron is active, and at most
/// n₂ − m₂ layer-2 neurons are <i>permanently</i> dead (all incoming weights and the bias ≤ 0; a zero bias counts as
/// ≤ 0). Given layer 1, the n₂ neurons are i.i.d. active / tentatively dead / permanently dead with probabilities
/// 1 − p, p − p_b, p_b, so trainability = E[f(p, p_b)] with
/// f = P(A ≥ m₂) + Σ_{j=1}^{m₂−1} P(A = j)·P(Binomial(n₂ − j, p_b/p) ≤ n₂ − m₂), A ~ Binomial(n₂, 1 − p) — the
/// paper's multinomial sums, evaluated as products of accurate binomial probabilities (log space, Loader's algorithm).
/// </para>
/// <para>
/// True p_b: (a) 2^{−n₁} (layer 2 has no bias, so only its n₁ weights must be ≤ 0); (b) 2^{−n₁−1}; (c) 1/2 (one weight,
/// no bias: every dead layer-2 neuron is permanently dead); (d) 1/4.
/// </para>
/// <para>
/// Findings on the printed bounds (checked by exact rational arithmetic and by throwaway simulation):
/// the proof replaces p_{2,b} by its lower bound 2^{−k−1} and p_{2,g} by p₂ − 2^{−k−1}, and calls the result a lower
/// bound; but moving probability from "permanently" to "tentatively" dead can only <i>raise</i> P(A = j, B ≤ n₂ − m₂)
/// (couple each permanently dead neuron to a tentatively dead one), so the substitution gives an upper estimate
/// whenever the true p_b is larger. That happens in (a) and (c). See <see cref="PaperLowerBound"/> for each case.
/// </para>
/// <para>All members are pure, thread-safe and never return NaN. Cost O(m₂·(n₂ − m₂)) per first-layer configuration.</para>
/// </remarks>
public static class DepthThreeTrainability
{
    /// <summary>
    /// The four formulas of Shin &amp; Karniadakis 2020, Theorem 8, as printed. Source: Shin &amp; Karniadakis 2020, Theorem 8 (proof in Appendix F).
    /// Status by case:
    /// <list type="bullet">
    /// <item>(a) <b>NOT a bound, and not a probability</b>: the printed Q(j, l) has (3/4 − 2^{−n₁−1}) where the
    /// derivation gives (1/4 − 2^{−n₁−1}), and it can exceed 1 (n₁ = n₂ = m₂ = 2: 17/16). Even with that typo fixed
    /// (11/16) it exceeds the exact 17/32, because it uses p_b = 2^{−n₁−1} while the true value is 2^{−n₁}.
    /// Returned exactly as printed.</item>
    /// <item>(b) a valid <b>lower BOUND</b>: the bracket equals the exact trainability (<see cref="Exact"/>), and the
    /// extra factor (1 − p̂₁(r))^{n₁} — although layer 1 has no bias and all its neurons are surely active — only makes
    /// it smaller. With <see cref="SignSplitAngle.AsPrinted"/> the paper's p₂(s) is used instead (then it is not
    /// guaranteed to be a bound).</item>
    /// <item>(c) <b>NOT a bound</b>: it omits the factor P(m₁ = 1) = 1 − p̂₁(r) and uses p_b = 1/4 where the true value
    /// is 1/2; e.g. n₂ = m₂ = 2 gives 1/2 while the exact trainability at r = 1 is 3/16. It does not depend on r.</item>
    /// <item>(d) <b>EXACT</b> (p_b = 1/4 is the true value here): equal to <see cref="Exact"/>.</item>
    /// </list>
    /// </summary>
    /// <param name="scheme">Which case of Theorem 8.</param>
    /// <param name="firstLayerWidth">n₁ ≥ 1 (1 for the cases with a first-layer bias).</param>
    /// <param name="secondLayerWidth">n₂ ≥ 1.</param>
    /// <param name="firstLayerRequired">m₁, 1 ≤ m₁ ≤ n₁ (only validated: the printed formulas do not use it).</param>
    /// <param name="secondLayerRequired">m₂, 1 ≤ m₂ ≤ n₂.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <param name="angle">Angle convention for p₂(s) in case (b); ignored otherwise.</param>
    /// <returns>The printed expression (≥ 0; in case (a) possibly &gt; 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double PaperLowerBound(FirstTwoLayersScheme scheme, int firstLayerWidth, int secondLayerWidth,
        int firstLayerRequired, int secondLayerRequired, double r, SignSplitAngle angle = SignSplitAngle.Corrected)
    {
        Validate(scheme, firstLayerWidth, secondLayerWidth, firstLayerRequired, secondLayerRequired, r, angle);
        int n1 = firstLayerWidth, n2 = secondLayerWidth, m2 = secondLayerRequired;
        switch (scheme)
        {
            case FirstTwoLayersScheme.NoBiasThenNoBias:
                return PrintedCaseA(n1, n2, m2);
            case FirstTwoLayersScheme.NoBiasThenBias:
                double factor = Math.Exp(n1 * AccurateMath.Log1P(-BornDeadProbability.Value(1, r)));
                return factor * AverageOverFirstLayer(scheme, n1, r, angle, p => Conditional(n2, m2, p, PermanentDeath(scheme, n1)));
            case FirstTwoLayersScheme.BiasThenNoBias:
                return Conditional(n2, m2, 0.5, 0.25);
            default:
                return Exact(scheme, n1, n2, firstLayerRequired, m2, r);
        }
    }

    /// <summary>
    /// The exact trainability P(m₁ ≥ m₁-req, m₂ ≥ 1, #permanently dead in layer 2 ≤ n₂ − m₂) for each case. Source:
    /// Shin &amp; Karniadakis 2020, Definition 7 and Lemma 16 (the first equality in the proof of Theorem 8), with the true permanent-death
    /// probabilities p_b listed in the class remarks and p₂ from Lemma 14 (corrected angle in (b)). <b>EXACT</b>.
    /// Equals (b) the bracket of the printed bound, (c) (1 − p̂₁(r))·P(Binomial(n₂, 1/2) ≥ m₂), (d) the printed
    /// formula.
    /// </summary>
    /// <param name="scheme">Which case of Theorem 8.</param>
    /// <param name="firstLayerWidth">n₁ ≥ 1 (1 for the cases with a first-layer bias).</param>
    /// <param name="secondLayerWidth">n₂ ≥ 1.</param>
    /// <param name="firstLayerRequired">m₁, 1 ≤ m₁ ≤ n₁.</param>
    /// <param name="secondLayerRequired">m₂, 1 ≤ m₂ ≤ n₂.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>The trainability in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double Exact(FirstTwoLayersScheme scheme, int firstLayerWidth, int secondLayerWidth,
        int firstLayerRequired, int secondLayerRequired, double r)
    {
        Validate(scheme, firstLayerWidth, secondLayerWidth, firstLayerRequired, secondLayerRequired, r, SignSplitAngle.Corrected);
        double pb = PermanentDeath(scheme, firstLayerWidth);
        return FirstLayerAlive(scheme, r) * AverageOverFirstLayer(scheme, firstLayerWidth, r, SignSplitAngle.Corrected,
            p => Conditional(secondLayerWidth, secondLayerRequired, p, pb));
    }

    /// <summary>
    /// P(m₁ ≥ m₁-req, m₂ ≥ m₂-req): the probability that no revival is needed. Source: Shin &amp; Karniadakis 2020, remark after
    /// Corollary 9 ("a naive lower bound of trainability"), with π₂ from Lemma 14. <b>EXACT</b> as a probability, a
    /// <b>lower BOUND</b> on the trainability.
    /// </summary>
    /// <param name="scheme">Which case.</param>
    /// <param name="firstLayerWidth">n₁ ≥ 1 (1 for the cases with a first-layer bias).</param>
    /// <param name="secondLayerWidth">n₂ ≥ 1.</param>
    /// <param name="firstLayerRequired">m₁, 1 ≤ m₁ ≤ n₁.</param>
    /// <param name="secondLayerRequired">m₂, 1 ≤ m₂ ≤ n₂.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>A probability ≤ <see cref="Exact"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double NoRevivalLowerBound(FirstTwoLayersScheme scheme, int firstLayerWidth, int secondLayerWidth,
        int firstLayerRequired, int secondLayerRequired, double r) =>
        ActiveAtLeast(scheme, firstLayerWidth, secondLayerWidth, firstLayerRequired, secondLayerRequired, r, secondLayerRequired);

    /// <summary>
    /// P(m₁ ≥ m₁-req, m₂ ≥ 1): the trainability if every dead layer-2 neuron could be revived. Source: Shin &amp; Karniadakis (2020),
    /// Lemma 16 (trainability requires m_t ≥ 1) with π₂ from Lemma 14. <b>EXACT</b> as a probability, an
    /// <b>upper BOUND</b> on the trainability.
    /// </summary>
    /// <param name="scheme">Which case.</param>
    /// <param name="firstLayerWidth">n₁ ≥ 1 (1 for the cases with a first-layer bias).</param>
    /// <param name="secondLayerWidth">n₂ ≥ 1.</param>
    /// <param name="firstLayerRequired">m₁, 1 ≤ m₁ ≤ n₁.</param>
    /// <param name="secondLayerRequired">m₂, 1 ≤ m₂ ≤ n₂ (validated only).</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>A probability ≥ <see cref="Exact"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double AllRevivableUpperBound(FirstTwoLayersScheme scheme, int firstLayerWidth, int secondLayerWidth,
        int firstLayerRequired, int secondLayerRequired, double r) =>
        ActiveAtLeast(scheme, firstLayerWidth, secondLayerWidth, firstLayerRequired, secondLayerRequired, r, 1);

    private static double ActiveAtLeast(FirstTwoLayersScheme scheme, int n1, int n2, int m1, int m2, double r, int atLeast)
    {
        Validate(scheme, n1, n2, m1, m2, r, SignSplitAngle.Corrected);
        return FirstLayerAlive(scheme, r) * AverageOverFirstLayer(scheme, n1, r, SignSplitAngle.Corrected,
            p => BinomialPmf.UpperTail(n2, atLeast, 1 - p, p));
    }

    /// <summary>
    /// f(p, p_b) = P(A ≥ m₂) + Σ_{j=1}^{m₂−1} P(A = j)·P(Binomial(n₂ − j, p_b/p) ≤ n₂ − m₂), A ~ Binomial(n₂, 1 − p):
    /// the trainability of layer 2 given the first layer (i.i.d. neurons: active 1 − p, tentatively dead p − p_b,
    /// permanently dead p_b). Equals Σ_{j≥m₂} C(n₂, j)(1 − p)^j p^{n₂−j} + Σ_{j&lt;m₂} Σ_{l≤n₂−m₂} multinomial terms.
    /// </summary>
    internal static double Conditional(int n2, int m2, double p, double pb)
    {
        double alive = 1 - p;
        double total = BinomialPmf.UpperTail(n2, m2, alive, p);
        if (m2 > 1 && p > 0)
        {
            double permanent = Math.Min(pb / p, 1.0);
            double tentative = Math.Max(p - pb, 0.0) / p;
            for (int j = 1; j < m2; j++)
            {
                double active = BinomialPmf.Value(n2, j, alive, p);
                if (active != 0)
                    total += active * BinomialPmf.LowerTail(n2 - j, n2 - m2, permanent, tentative);
            }
        }
        return Math.Min(total, 1.0);
    }

    /// <summary>E over the first layer's configuration, given that all its n₁ neurons are active, of f(p₂).</summary>
    private static double AverageOverFirstLayer(FirstTwoLayersScheme scheme, int n1, double r, SignSplitAngle angle, Func<double, double> f)
    {
        switch (scheme)
        {
            case FirstTwoLayersScheme.NoBiasThenNoBias:
            case FirstTwoLayersScheme.NoBiasThenBias:
                var (weights, deaths) = SecondLayerTransition.SignSplitMixture(scheme, n1, r, angle);
                double sum = 0;
                for (int s = 0; s <= n1; s++)
                    if (weights[s] != 0)
                        sum += weights[s] * f(deaths[s]);
                return Math.Min(sum, 1.0);
            case FirstTwoLayersScheme.BiasThenNoBias:
                return f(0.5);
            default:
                double[] average = PiecewiseGaussLegendre.UniformAverage(SecondLayerTransition.OmegaBreaks(r), 1,
                    (omega, w, acc) => acc[0] += w * f(SecondLayerDeathProbability.GivenFirstLayerAngle(omega, r)),
                    SecondLayerTransition.AverageTolerance);
                return Math.Clamp(average[0], 0.0, 1.0);
        }
    }

    /// <summary>P(m₁ = n₁): 1 without a first-layer bias (d_in = 1), 1 − p̂₁(r) with one (n₁ = 1).</summary>
    private static double FirstLayerAlive(FirstTwoLayersScheme scheme, double r) =>
        SecondLayerTransition.FirstLayerHasBias(scheme) ? 1 - BornDeadProbability.Value(1, r) : 1.0;

    /// <summary>The true probability that a layer-2 neuron is permanently dead (all incoming weights and bias ≤ 0).</summary>
    private static double PermanentDeath(FirstTwoLayersScheme scheme, int n1) => scheme switch
    {
        FirstTwoLayersScheme.NoBiasThenNoBias => Math.ScaleB(1.0, -n1),
        FirstTwoLayersScheme.NoBiasThenBias => Math.ScaleB(1.0, -n1 - 1),
        FirstTwoLayersScheme.BiasThenNoBias => 0.5,
        _ => 0.25,
    };

    /// <summary>Theorem 8 (a) literally, including its (3/4 − 2^{−n₁−1}); every term in log space.</summary>
    private static double PrintedCaseA(int n1, int n2, int m2)
    {
        double mixed = -AccurateMath.ExpM1((1 - n1) * Math.Log(2.0)); // 1 − 2^{1−n1}
        double extreme = Math.ScaleB(1.0, 1 - n1);                    // 2^{1−n1}
        double total = mixed * BinomialPmf.UpperTail(n2, m2, 0.75, 0.25) + extreme * BinomialPmf.UpperTail(n2, m2, 0.5, 0.5);
        double ln2 = Math.Log(2.0), ln3 = Math.Log(3.0);
        double lnA = AccurateMath.Log1P(-Math.ScaleB(1.0, -n1));       // ln(1 − 2^{−n1})
        double lnB = Math.Log(0.75 - Math.ScaleB(1.0, -n1 - 1));        // ln(3/4 − 2^{−n1−1}), as printed
        for (int j = 1; j < m2; j++)
            for (int l = 0; l <= n2 - m2; l++)
            {
                int g = n2 - j - l;
                double lnMultinomial = BinomialPmf.LogChoose(n2, j) + BinomialPmf.LogChoose(n2 - j, l);
                double q1 = Math.Exp(lnMultinomial + g * lnA - ((l + 1.0) * n1 + n2 - 1) * ln2);
                double q2 = mixed == 0 ? 0 : mixed * Math.Exp(lnMultinomial + j * ln3 + g * lnB - ((n1 + 1.0) * l + 2.0 * j) * ln2);
                total += q1 + q2;
            }
        return total;
    }

    private static void Validate(FirstTwoLayersScheme scheme, int firstLayerWidth, int secondLayerWidth,
        int firstLayerRequired, int secondLayerRequired, double r, SignSplitAngle angle)
    {
        SecondLayerTransition.Validate(scheme, firstLayerWidth, secondLayerWidth, r, angle);
        if (firstLayerRequired < 1 || firstLayerRequired > firstLayerWidth)
            throw new ArgumentOutOfRangeException(nameof(firstLayerRequired), firstLayerRequired,
                $"firstLayerRequired (m1) must lie in 1..firstLayerWidth ({firstLayerWidth}).");
        if (secondLayerRequired < 1 || secondLayerRequired > secondLayerWidth)
            throw new ArgumentOutOfRangeException(nameof(secondLayerRequired), secondLayerRequired,
                $"secondLayerRequired (m2) must lie in 1..secondLayerWidth ({secondLayerWidth}).");
    }
}
