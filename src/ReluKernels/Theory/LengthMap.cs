using ReluKernels.Activations;

namespace ReluKernels.Theory;

/// <summary>
/// The length map of Lu, Su &amp; Karniadakis (2019), §3, Eqs. (1)–(3): how the expected squared length per neuron of the
/// pre-activations, q^l = (1/N^l) Σ_i (h_i^l)², moves from layer to layer of a random network whose weights of layer l
/// have variance σ_w,l²/N^{l−1} and whose biases have variance σ_b².
/// </summary>
/// <remarks>
/// <para>Normalisation (the paper's): q^l is the mean of (h_i^l)² over the N^l neurons of layer l, so it does not grow
/// with the width; the input's is q^0 = (1/N^0) x^0·x^0, and E[q^1] = σ_w,1² q^0 + σ_b² (<b>EXACT</b> for any zero-mean
/// weights).</para>
/// <para>Given x^{l−2}, every h_j^{l−1} of a Gaussian network is N(0, q̃) with the same q̃ (the conditional variance),
/// so E[(h_i^l)²] = σ_w² E[φ(√q̃ z)²] + σ_b². The recursion replaces q̃ by its mean E[q^{l−1}]. For a positively
/// homogeneous φ (ReLU, leaky ReLU) E[φ(√q̃ z)²] = q̃ E[φ(z)²] is linear in q̃, so the recursion is <b>EXACT</b> at every
/// width, and for any symmetric weight distribution (E[φ(h)²] = E[h²](1 + a²)/2 for symmetric h). For any other φ it is
/// an <b>APPROXIMATION</b> that becomes exact as the width grows (q̃ concentrates at its mean; the gap is Jensen's).</para>
/// <para>Documentation: docs/theory/length-map.md.</para>
/// </remarks>
public static class LengthMap
{
    /// <summary>Iterations <see cref="FixedPoint"/> takes at most before it gives up.</summary>
    public const int MaxFixedPointIterations = 10_000;

    /// <summary>Relative change between iterations below which <see cref="FixedPoint"/> calls the map converged.</summary>
    public const double FixedPointTolerance = 1e-13;

    /// <summary>Lengths above this count as exploding in <see cref="FixedPoint"/> (no finite fixed point is reached).</summary>
    public const double Exploded = 1e12;

    /// <summary>
    /// Whether the recursion is <b>EXACT</b> at every width for <paramref name="activation"/>: true for the positively
    /// homogeneous ReLU and leaky ReLU (see the remarks); otherwise it is the infinite-width <b>APPROXIMATION</b>.
    /// </summary>
    public static bool IsExactAtEveryWidth(ScalarActivation activation) => activation is Relu or LeakyRelu;

    /// <summary>
    /// E_z[φ(√q z)²], z ~ N(0, 1), by composite 16-point Gauss–Legendre quadrature on [−12, 12] split at φ's kinks
    /// (MathNet's nodes; the Gaussian mass outside is below 1e-32). <b>EXACT</b> to quadrature accuracy (≈1e-15 relative).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is negative or not finite.</exception>
    public static double SecondMoment(ScalarActivation activation, double q)
    {
        ArgumentNullException.ThrowIfNull(activation);
        RequireLength(q, nameof(q));
        return GaussianExpectation.Of(x => { double y = activation.Value(x); return y * y; }, activation.Kinks, 0, Math.Sqrt(q));
    }

    /// <summary>
    /// One step of Eq. (2): E[q^l] = σ_w² E_z[φ(√E[q^{l−1}] z)²] + σ_b² (see the remarks for when it is exact).
    /// </summary>
    /// <param name="activation">φ.</param>
    /// <param name="previous">E[q^{l−1}] ≥ 0.</param>
    /// <param name="weightVariance">σ_w² = fan_in · Var(W) of layer l.</param>
    /// <param name="biasVariance">σ_b² ≥ 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length or variance is negative or not finite.</exception>
    public static double Step(ScalarActivation activation, double previous, double weightVariance, double biasVariance)
    {
        RequireVariances(weightVariance, biasVariance);
        return weightVariance * SecondMoment(activation, previous) + biasVariance;
    }

    /// <summary>Eq. (3), the ReLU closed form: E[q^l] = (σ_w²/2) E[q^{l−1}] + σ_b². <b>EXACT</b> at every width.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A length or variance is negative or not finite.</exception>
    public static double ReluStep(double previous, double weightVariance, double biasVariance)
    {
        RequireLength(previous, nameof(previous));
        RequireVariances(weightVariance, biasVariance);
        return weightVariance / 2 * previous + biasVariance;
    }

    /// <summary>
    /// E[q^1], …, E[q^L] from q^0: E[q^1] = σ_w,1² q^0 + σ_b², then <see cref="Step"/> with layer l's σ_w,l².
    /// </summary>
    /// <param name="activation">φ.</param>
    /// <param name="inputLength">q^0 = (1/N^0) x^0·x^0.</param>
    /// <param name="weightVariances">σ_w,l² for l = 1..L (L ≥ 1).</param>
    /// <param name="biasVariance">σ_b², the same in every layer.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No layers.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length or variance is negative or not finite.</exception>
    public static double[] Expected(ScalarActivation activation, double inputLength, IReadOnlyList<double> weightVariances, double biasVariance) =>
        Iterate(inputLength, weightVariances, biasVariance, (q, w) => Step(activation, q, w, biasVariance));

    /// <summary>As <see cref="Expected"/> for ReLU, by the closed form <see cref="ReluStep"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="weightVariances"/> is null.</exception>
    /// <exception cref="ArgumentException">No layers.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length or variance is negative or not finite.</exception>
    public static double[] ExpectedRelu(double inputLength, IReadOnlyList<double> weightVariances, double biasVariance) =>
        Iterate(inputLength, weightVariances, biasVariance, (q, w) => ReluStep(q, w, biasVariance));

    /// <summary>
    /// The fixed point of the ReLU map q ↦ (σ_w²/2) q + σ_b² (<b>EXACT</b>): σ_b²/(1 − σ_w²/2) when σ_w² &lt; 2, where
    /// it attracts at the geometric rate σ_w²/2 (0 without bias: lengths vanish, e.g. LeCun halves them per layer);
    /// null when σ_w² ≥ 2 and σ_b &gt; 0 (lengths grow without bound) or σ_w² &gt; 2 (they explode geometrically).
    /// σ_w² = 2 and σ_b = 0, He, is the one choice where every length is fixed; it returns <paramref name="start"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A length or variance is negative or not finite.</exception>
    public static double? ReluFixedPoint(double weightVariance, double biasVariance, double start)
    {
        RequireLength(start, nameof(start));
        RequireVariances(weightVariance, biasVariance);
        double rate = weightVariance / 2;
        if (rate < 1)
            return biasVariance / (1 - rate);
        return rate == 1 && biasVariance == 0 ? start : null;
    }

    /// <summary>
    /// The fixed point that the map q ↦ σ_w² E_z[φ(√q z)²] + σ_b² reaches from <paramref name="start"/>, by iteration
    /// (<b>EXACT</b> to <see cref="FixedPointTolerance"/>); null when the lengths exceed <see cref="Exploded"/> or
    /// <see cref="MaxFixedPointIterations"/> pass without convergence (a neutral map, such as He for ReLU, converges at once).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length or variance is negative or not finite.</exception>
    public static double? FixedPoint(ScalarActivation activation, double weightVariance, double biasVariance, double start)
    {
        RequireLength(start, nameof(start));
        double q = start;
        for (int i = 0; i < MaxFixedPointIterations; i++)
        {
            double next = Step(activation, q, weightVariance, biasVariance);
            if (!(next <= Exploded))
                return null;
            if (Math.Abs(next - q) <= FixedPointTolerance * Math.Max(next, double.Epsilon))
                return next;
            q = next;
        }
        return null;
    }

    private static double[] Iterate(double inputLength, IReadOnlyList<double> weightVariances, double biasVariance, Func<double, double, double> step)
    {
        ArgumentNullException.ThrowIfNull(weightVariances);
        RequireLength(inputLength, nameof(inputLength));
        if (weightVariances.Count == 0)
            throw new ArgumentException("need at least one layer.", nameof(weightVariances));
        RequireVariances(weightVariances[0], biasVariance);
        var q = new double[weightVariances.Count];
        q[0] = weightVariances[0] * inputLength + biasVariance;
        for (int l = 1; l < q.Length; l++)
            q[l] = step(q[l - 1], weightVariances[l]);
        return q;
    }

    private static void RequireLength(double q, string name)
    {
        if (!(q >= 0) || double.IsInfinity(q))
            throw new ArgumentOutOfRangeException(name, q, "A squared length must be non-negative and finite.");
    }

    private static void RequireVariances(double weightVariance, double biasVariance)
    {
        if (!(weightVariance >= 0) || double.IsInfinity(weightVariance))
            throw new ArgumentOutOfRangeException(nameof(weightVariance), weightVariance, "σ_w² must be non-negative and finite.");
        if (!(biasVariance >= 0) || double.IsInfinity(biasVariance))
            throw new ArgumentOutOfRangeException(nameof(biasVariance), biasVariance, "σ_b² must be non-negative and finite.");
    }
}
