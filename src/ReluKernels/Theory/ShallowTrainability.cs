namespace ReluKernels.Theory;

/// <summary>
/// Trainability of shallow (one-hidden-layer) ReLU networks on the ball B_r(0) ⊂ ℝ^d: Shin &amp; Karniadakis (2020) (Shin &amp; Karniadakis,
/// "Trainability of ReLU networks and Data-dependent Initialization"), Lemma 13, Theorem 3, the over-specification
/// width after Theorem 3, and the condition (4) of Theorem 6.
/// </summary>
/// <remarks>
/// <para>
/// A shallow network of width n is <i>trainable</i> for a task that needs m active neurons when at least m first-layer
/// neurons are active (not constant) on B_r(0) at initialisation (Definition 2); dead first-layer neurons are never
/// revived by gradient training (Lemma 1). Neurons are independent, so the active count m₁ is Binomial(n, 1 − p̂_d(r))
/// with a random bias (p̂ from <see cref="BornDeadProbability"/>) and equals n without one (a bias-free neuron wᵀx is
/// never constant on a ball around 0).
/// </para>
/// <para>All members are pure, thread-safe and never return NaN; binomial sums are formed from accurately computed
/// non-negative terms (Loader's algorithm), so tiny tail probabilities keep their relative accuracy.</para>
/// </remarks>
public static class ShallowTrainability
{
    /// <summary>
    /// π₁, the distribution of the number m₁ of active first-layer neurons: (π₁)_j = P(m₁ = j), j = 0..n. Source:
    /// Shin &amp; Karniadakis 2020, Lemma 13. <b>EXACT</b>: δ_{j,n} without bias; Binomial(n, 1 − p̂_d(r)) with bias.
    /// </summary>
    /// <param name="firstLayer">Initialisation of the first hidden layer.</param>
    /// <param name="width">Width n of the first hidden layer, ≥ 1.</param>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius of the input ball, finite and &gt; 0.</param>
    /// <returns>A new array of length n + 1 summing to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range stated above or <paramref name="firstLayer"/> is not a defined value.</exception>
    public static double[] ActiveCountDistribution(LayerScheme firstLayer, int width, int inputDim, double r)
    {
        bool bias = HasBias(firstLayer, nameof(firstLayer));
        RequirePositive(width, nameof(width));
        BornDeadProbability.RequireInputDim(inputDim, nameof(inputDim));
        BornDeadProbability.RequireRadius(r, nameof(r));
        var pi = new double[width + 1];
        if (!bias)
        {
            pi[width] = 1;
            return pi;
        }
        double dead = BornDeadProbability.Value(inputDim, r);
        for (int j = 0; j <= width; j++)
            pi[j] = BinomialPmf.Value(width, j, 1 - dead, dead);
        return pi;
    }

    /// <summary>
    /// The stochastic matrix P₁ of Lemma 12 for the first hidden layer, of size (d + 1) × (n + 1): its last row (the input
    /// layer's d "neurons" all active) is <see cref="ActiveCountDistribution"/>, and the other rows are [1, 0, …, 0]
    /// "for completeness" as in the paper. Source: Shin &amp; Karniadakis 2020, Lemma 13 and the proof of Theorem 3 (Appendix D).
    /// <b>EXACT</b> (the other rows are a convention; π₀ = e_d never reaches them).
    /// </summary>
    /// <param name="firstLayer">Initialisation of the first hidden layer.</param>
    /// <param name="width">Width n, ≥ 1.</param>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>A new (d + 1) × (n + 1) row-stochastic matrix.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range stated above.</exception>
    public static double[,] FirstLayerTransition(LayerScheme firstLayer, int width, int inputDim, double r)
    {
        double[] last = ActiveCountDistribution(firstLayer, width, inputDim, r);
        var p = new double[inputDim + 1, width + 1];
        for (int i = 0; i < inputDim; i++)
            p[i, 0] = 1;
        for (int j = 0; j <= width; j++)
            p[inputDim, j] = last[j];
        return p;
    }

    /// <summary>
    /// Trainability of a shallow network: P(m₁ ≥ m) = Σ_{j=m}^{n} C(n, j)(1 − p̂)^j p̂^{n−j} with a random first-layer
    /// bias, and 1 without. Source: Shin &amp; Karniadakis 2020, Theorem 3 (the paper prints the exponent as n₁ − j; with n₁ = n it is
    /// n − j). <b>EXACT</b>. Worked example of the paper: d = 1, r = 1, n = m = 2 gives (3/4)² = 0.5625, so the network
    /// fails with probability 0.4375 ("&gt; 0.43").
    /// </summary>
    /// <param name="firstLayer">Initialisation of the hidden layer.</param>
    /// <param name="width">Width n, ≥ <paramref name="required"/>.</param>
    /// <param name="required">Number m of active neurons the task needs, ≥ 1.</param>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>P(m₁ ≥ m) in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, e.g. m &gt; n.</exception>
    public static double Trainability(LayerScheme firstLayer, int width, int required, int inputDim, double r)
    {
        bool bias = ValidateShallow(firstLayer, width, required, inputDim, r);
        if (!bias)
            return 1;
        double dead = BornDeadProbability.Value(inputDim, r);
        return BinomialPmf.UpperTail(width, required, 1 - dead, dead);
    }

    /// <summary>
    /// 1 − <see cref="Trainability"/> = P(m₁ &lt; m), summed directly (so a tiny failure probability keeps its relative
    /// accuracy). Source: Shin &amp; Karniadakis 2020, Theorem 3. <b>EXACT</b>.
    /// </summary>
    /// <param name="firstLayer">Initialisation of the hidden layer.</param>
    /// <param name="width">Width n, ≥ <paramref name="required"/>.</param>
    /// <param name="required">Number m of active neurons the task needs, ≥ 1.</param>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>P(m₁ &lt; m) in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double FailureProbability(LayerScheme firstLayer, int width, int required, int inputDim, double r)
    {
        bool bias = ValidateShallow(firstLayer, width, required, inputDim, r);
        if (!bias)
            return 0;
        double dead = BornDeadProbability.Value(inputDim, r);
        return BinomialPmf.LowerTail(width, required - 1, 1 - dead, dead);
    }

    /// <summary>
    /// Expected number of active first-layer neurons: n(1 − p̂_d(r)) with bias, n without. Source: Shin &amp; Karniadakis 2020, Lemma 13 /
    /// Theorem 3 (the paper's example: width 500, d = 1, r = 1 → 375). <b>EXACT</b>.
    /// </summary>
    /// <param name="firstLayer">Initialisation of the hidden layer.</param>
    /// <param name="width">Width n, ≥ 1.</param>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>E[m₁].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double MeanActiveCount(LayerScheme firstLayer, int width, int inputDim, double r)
    {
        bool bias = HasBias(firstLayer, nameof(firstLayer));
        RequirePositive(width, nameof(width));
        BornDeadProbability.RequireInputDim(inputDim, nameof(inputDim));
        BornDeadProbability.RequireRadius(r, nameof(r));
        return bias ? width * (1 - BornDeadProbability.Value(inputDim, r)) : width;
    }

    /// <summary>
    /// The paper's guaranteed average with a random bias: E[m₁] ≥ n(1 − √(d/2π)·α·(sin α)^{d−1}), α = arctan(1/r).
    /// Source: Shin &amp; Karniadakis 2020, Theorem 3 (from the upper bound of Lemma 11, Eq. (10)). A <b>lower BOUND</b> on
    /// <see cref="MeanActiveCount"/> with bias; returned as printed, so it is ≤ 0 (vacuous) when that upper bound
    /// reaches 1 (e.g. d ≥ 3 with small r: the bound tends to √(d/2π)·π/2).
    /// </summary>
    /// <param name="width">Width n, ≥ 1.</param>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>n(1 − √(d/2π) α (sin α)^{d−1}).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double MeanActiveCountLowerBound(int width, int inputDim, double r)
    {
        RequirePositive(width, nameof(width));
        return width * (1 - BornDeadProbability.UpperBound(inputDim, r));
    }

    /// <summary>
    /// The over-specified width the paper recommends when m active neurons are wanted <i>on average</i> with a random
    /// bias: n = m/(1 − p̂_d(r)), not rounded. Source: Shin &amp; Karniadakis 2020, discussion after Theorem 3 (d = 1, r = 1/√3, m = 200 →
    /// n = 300). <b>EXACT</b> as the solution of E[m₁] = m; it guarantees the mean, not a probability (for that see
    /// <see cref="MinimumWidth"/>).
    /// </summary>
    /// <param name="required">Wanted mean number m of active neurons, ≥ 1.</param>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>m/(1 − p̂) ∈ [m, 2m).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double OverSpecifiedWidth(int required, int inputDim, double r)
    {
        RequirePositive(required, nameof(required));
        return required / (1 - BornDeadProbability.Value(inputDim, r));
    }

    /// <summary>
    /// The smallest integer width n ≥ m whose trainability P(m₁ ≥ m) reaches <paramref name="trainability"/>.
    /// Source: inversion of Shin &amp; Karniadakis 2020, Theorem 3 (trainability increases with n). <b>EXACT</b>. Without bias it is m.
    /// Example: d = 1, r = 1, m = 2 needs n = 4 for trainability 0.9 (n = 2, 3, 4 give 0.5625, 0.84375, 0.9492).
    /// </summary>
    /// <param name="firstLayer">Initialisation of the hidden layer.</param>
    /// <param name="required">Number m of active neurons the task needs, ≥ 1.</param>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <param name="trainability">Wanted trainability, in the open interval (0, 1) (1 is never reached with a bias).</param>
    /// <returns>The smallest n ≥ m with P(m₁ ≥ m) ≥ <paramref name="trainability"/> (compared as P(m₁ &lt; m) ≤ 1 − target).</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An argument is outside its range, or the width needed exceeds <see cref="int.MaxValue"/>.
    /// </exception>
    public static int MinimumWidth(LayerScheme firstLayer, int required, int inputDim, double r, double trainability)
    {
        bool bias = HasBias(firstLayer, nameof(firstLayer));
        RequirePositive(required, nameof(required));
        BornDeadProbability.RequireInputDim(inputDim, nameof(inputDim));
        BornDeadProbability.RequireRadius(r, nameof(r));
        if (!(trainability > 0 && trainability < 1))
            throw new ArgumentOutOfRangeException(nameof(trainability), trainability, "trainability must lie in the open interval (0, 1).");
        if (!bias)
            return required;
        double dead = BornDeadProbability.Value(inputDim, r);
        double allowedFailure = 1 - trainability;
        bool Reaches(long n) => BinomialPmf.LowerTail((int)n, required - 1, 1 - dead, dead) <= allowedFailure;

        long lo = required - 1, hi = required; // invariant: lo fails (or is below m), hi is the candidate
        while (!Reaches(hi))
        {
            lo = hi;
            hi = 2 * hi;
            if (hi > int.MaxValue)
            {
                if (lo == int.MaxValue || !Reaches(int.MaxValue))
                    throw new ArgumentOutOfRangeException(nameof(trainability), trainability,
                        $"No width up to int.MaxValue reaches trainability {trainability} for required = {required}.");
                hi = int.MaxValue;
                break;
            }
        }
        while (hi - lo > 1)
        {
            long mid = lo + (hi - lo) / 2;
            if (Reaches(mid))
                hi = mid;
            else
                lo = mid;
        }
        return (int)hi;
    }

    /// <summary>
    /// Condition (4) of Theorem 6: 1 − (1 − δ)^{1/m} &lt; exp(−C_r d)/(π d), C_r = −ln sin(arctan(1/r)) = ½ ln(1 + r²).
    /// Source: Shin &amp; Karniadakis 2020, Theorem 6, Eq. (4). When it holds, the width-m network (the minimal width that can interpolate
    /// m + 1 generic points, Lemma 5) has trainability (1 − p̂)^m &lt; 1 − δ (by the lower bound of Eq. (10)), which is the
    /// paper's argument that over-parameterisation is necessary. <b>EXACT</b> evaluation of both sides (the condition
    /// itself is a sufficient condition, not an equivalence).
    /// </summary>
    /// <param name="required">m, the number of active neurons needed (m + 1 training points), ≥ 1.</param>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <param name="delta">δ, in the open interval (0, 1).</param>
    /// <returns>Both sides, C_r, and whether the strict inequality holds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static OverParameterizationCondition OverParameterizationNecessity(int required, int inputDim, double r, double delta)
    {
        RequirePositive(required, nameof(required));
        BornDeadProbability.RequireInputDim(inputDim, nameof(inputDim));
        BornDeadProbability.RequireRadius(r, nameof(r));
        if (!(delta > 0 && delta < 1))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must lie in the open interval (0, 1).");
        double left = -AccurateMath.ExpM1(AccurateMath.Log1P(-delta) / required);
        double cr = 0.5 * BornDeadProbability.LogOnePlusSquare(r);
        double right = BornDeadProbability.LowerBound(inputDim, r);
        return new OverParameterizationCondition(left, right, cr);
    }

    private static bool ValidateShallow(LayerScheme firstLayer, int width, int required, int inputDim, double r)
    {
        bool bias = HasBias(firstLayer, nameof(firstLayer));
        RequirePositive(width, nameof(width));
        RequirePositive(required, nameof(required));
        if (required > width)
            throw new ArgumentOutOfRangeException(nameof(required), required,
                $"required (m = {required}) must not exceed width (n = {width}).");
        BornDeadProbability.RequireInputDim(inputDim, nameof(inputDim));
        BornDeadProbability.RequireRadius(r, nameof(r));
        return bias;
    }

    internal static bool HasBias(LayerScheme scheme, string paramName) => scheme switch
    {
        LayerScheme.NormalWithoutBias or LayerScheme.HypersphereWithoutBias => false,
        LayerScheme.NormalWithBias or LayerScheme.NormalWithUnitBias or LayerScheme.HypersphereWithBias => true,
        _ => throw new ArgumentOutOfRangeException(paramName, scheme, $"{paramName} is not a defined LayerScheme value."),
    };

    internal static void RequirePositive(int value, string paramName)
    {
        if (value < 1)
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be at least 1.");
    }
}

/// <summary>
/// The two sides of condition (4) of Shin &amp; Karniadakis 2020, Theorem 6: <see cref="LeftSide"/> = 1 − (1 − δ)^{1/m} and
/// <see cref="RightSide"/> = exp(−C_r d)/(π d), with <see cref="Cr"/> = −ln sin(arctan(1/r)).
/// </summary>
/// <param name="LeftSide">1 − (1 − δ)^{1/m}.</param>
/// <param name="RightSide">exp(−C_r d)/(π d) = (sin α)^d/(π d), the lower bound of Eq. (10).</param>
/// <param name="Cr">C_r = ½ ln(1 + r²).</param>
public readonly record struct OverParameterizationCondition(double LeftSide, double RightSide, double Cr)
{
    /// <summary>Whether the strict inequality LeftSide &lt; RightSide of Eq. (4) holds.</summary>
    public bool Holds => LeftSide < RightSide;
}
