namespace ReluKernels.Theory;

/// <summary>
/// The data-dependent bias initialisation of Shin &amp; Karniadakis (2020) (Shin &amp; Karniadakis, "Trainability of ReLU networks and
/// Data-dependent Initialization", §4.1): Theorem 10 (proof in Appendix H), the He-without-bias reference value and
/// the parameter choice Eq. (5).
/// </summary>
/// <remarks>
/// <para>
/// Setting. A shallow network x ↦ W²ReLU(W¹x + b¹) of width n on m ≤ n training inputs x₁..x_m ∈ ℝ^d, with
/// W¹_j ~ N(0, σ_in² I), W²_i ~ N(0, σ_out² I), b² = 0, and the proposed biases b_i = −w_iᵀx_{j_i} + |ε_i|,
/// ε_i ~ N(0, σ_e²) i.i.d., j_i − 1 = (i − 1) mod m (neuron i sits at training point j_i; <see cref="AssignedPoint"/>).
/// q(x) = E‖N(x)‖²/d_out and E_X[q] = (1/m)Σ_k q(x_k).
/// </para>
/// <para>
/// Points are passed as a row-major m × d span (point k is <c>points[k*d .. k*d + d)</c>) plus d, or as a jagged array.
/// All members are pure and thread-safe and never return NaN.
/// </para>
/// </remarks>
public static class DataDependentInitTheory
{
    /// <summary>
    /// The training point (0-based) that neuron <paramref name="neuron"/> (0-based) is placed at: i mod m, i.e. the
    /// paper's j_i − 1 = (i − 1) mod m. Source: Shin &amp; Karniadakis 2020, §4.1. <b>EXACT</b> (a definition).
    /// </summary>
    /// <param name="neuron">0-based neuron index i ≥ 0.</param>
    /// <param name="pointCount">Number m of training points, ≥ 1.</param>
    /// <returns>i mod m.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="neuron"/> &lt; 0 or <paramref name="pointCount"/> &lt; 1.</exception>
    public static int AssignedPoint(int neuron, int pointCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(neuron);
        ShallowTrainability.RequirePositive(pointCount, nameof(pointCount));
        return neuron % pointCount;
    }

    /// <summary>
    /// Theorem 10: E_X[q(x)] under the data-dependent initialisation with σ_e = σ_in·s,
    /// (σ_out² σ_in²/(m π))·Σ_{k=1}^{m} Σ_{i=1}^{n} [(s² + Δ²)(arctan(s/Δ) + π/2) + sΔ], Δ = ‖x_k − x_{j_i}‖.
    /// When m divides n (n = h·m) this is the paper's (h σ_out² σ_in²/(m π))·Σ_{k,i=1}^{m}[…]; for other n ≥ m the
    /// points 1..(n mod m) carry one neuron more, exactly as the assignment j_i − 1 = (i − 1) mod m does. For Δ = 0 the
    /// bracket is its limit π s² (0 when s = 0 too). Source: Shin &amp; Karniadakis 2020, Theorem 10 (Appendix H). <b>EXACT</b>
    /// (re-derived independently: E[ReLU(Z + |e|)²] with Z ~ N(0, σ_in²Δ²), e ~ N(0, σ_in²s²) equals
    /// (σ_in²/π)·[(s² + Δ²)(arctan(s/Δ) + π/2) + sΔ]).
    /// </summary>
    /// <param name="points">The m training inputs, row-major m × d; all coordinates finite.</param>
    /// <param name="inputDim">d ≥ 1; <c>points.Length</c> must be a positive multiple of it.</param>
    /// <param name="width">Width n ≥ m.</param>
    /// <param name="sigmaIn">σ_in, finite and &gt; 0.</param>
    /// <param name="sigmaOut">σ_out, finite and &gt; 0.</param>
    /// <param name="s">s = σ_e/σ_in, finite and ≥ 0.</param>
    /// <returns>E_X[q(x)] ≥ 0.</returns>
    /// <exception cref="ArgumentException">The points are empty, not a whole number of rows, or not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A scalar argument is outside its range (e.g. n &lt; m, σ ≤ 0, s &lt; 0).</exception>
    public static double ExpectedMeanSquaredOutput(ReadOnlySpan<double> points, int inputDim, int width,
        double sigmaIn, double sigmaOut, double s)
    {
        int m = RequirePoints(points, inputDim, nameof(points));
        RequireWidth(width, m);
        RequireSigma(sigmaIn, nameof(sigmaIn));
        RequireSigma(sigmaOut, nameof(sigmaOut));
        RequireSpread(s, nameof(s));
        return sigmaOut * sigmaOut * sigmaIn * sigmaIn / (m * Math.PI) * BracketSum(points, inputDim, m, width, s);
    }

    /// <inheritdoc cref="ExpectedMeanSquaredOutput(ReadOnlySpan{double}, int, int, double, double, double)"/>
    /// <param name="points">The m training inputs, each of the same length d ≥ 1.</param>
    /// <param name="width">Width n ≥ m.</param>
    /// <param name="sigmaIn">σ_in, finite and &gt; 0.</param>
    /// <param name="sigmaOut">σ_out, finite and &gt; 0.</param>
    /// <param name="s">s = σ_e/σ_in, finite and ≥ 0.</param>
    public static double ExpectedMeanSquaredOutput(double[][] points, int width, double sigmaIn, double sigmaOut, double s)
    {
        var (flat, d) = Flatten(points, nameof(points));
        return ExpectedMeanSquaredOutput(flat, d, width, sigmaIn, sigmaOut, s);
    }

    /// <summary>
    /// The reference value for "normal" initialisation without bias: E_X[q(x)] = (n σ_out² σ_in²/(2m))·‖X‖_F², which is
    /// (2/(d m))‖X‖_F² for He initialisation (σ_in² = 2/d, σ_out² = 2/n). Source: Shin &amp; Karniadakis 2020, §4.1 (display before
    /// Theorem 10). <b>EXACT</b> (E[ReLU(wᵀx)²] = σ_in²‖x‖²/2).
    /// </summary>
    /// <param name="points">The m training inputs, row-major m × d; all coordinates finite.</param>
    /// <param name="inputDim">d ≥ 1.</param>
    /// <param name="width">Width n ≥ 1 (any n; no assignment to points is involved).</param>
    /// <param name="sigmaIn">σ_in, finite and &gt; 0.</param>
    /// <param name="sigmaOut">σ_out, finite and &gt; 0.</param>
    /// <returns>(n σ_out² σ_in²/(2m))‖X‖_F².</returns>
    /// <exception cref="ArgumentException">The points are empty, not a whole number of rows, or not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A scalar argument is outside its range.</exception>
    public static double HeWithoutBiasMeanSquaredOutput(ReadOnlySpan<double> points, int inputDim, int width,
        double sigmaIn, double sigmaOut)
    {
        int m = RequirePoints(points, inputDim, nameof(points));
        ShallowTrainability.RequirePositive(width, nameof(width));
        RequireSigma(sigmaIn, nameof(sigmaIn));
        RequireSigma(sigmaOut, nameof(sigmaOut));
        return width * sigmaOut * sigmaOut * sigmaIn * sigmaIn / (2.0 * m) * SquaredNorm(points);
    }

    /// <inheritdoc cref="HeWithoutBiasMeanSquaredOutput(ReadOnlySpan{double}, int, int, double, double)"/>
    /// <param name="points">The m training inputs, each of the same length d ≥ 1.</param>
    /// <param name="width">Width n ≥ 1.</param>
    /// <param name="sigmaIn">σ_in, finite and &gt; 0.</param>
    /// <param name="sigmaOut">σ_out, finite and &gt; 0.</param>
    public static double HeWithoutBiasMeanSquaredOutput(double[][] points, int width, double sigmaIn, double sigmaOut)
    {
        var (flat, d) = Flatten(points, nameof(points));
        return HeWithoutBiasMeanSquaredOutput(flat, d, width, sigmaIn, sigmaOut);
    }

    /// <summary>
    /// Eq. (5): σ_in² = 2/d, σ_e² = 0, σ_out² = (1/h)·Σ_j‖x_j‖²/Σ_{k&lt;i}‖x_k − x_i‖² with h = n/m. Source: Shin &amp; Karniadakis (2020),
    /// Eq. (5). <b>EXACT</b> in the sense the paper states: with these values Theorem 10 equals the He-without-bias value
    /// (2/(d m))‖X‖_F² — exactly when m divides n; for other n ≥ m (unequal numbers of neurons per point) it is
    /// approximate, and <see cref="OutputVarianceMatchingHe"/> gives the exact match.
    /// </summary>
    /// <param name="points">The m ≥ 2 training inputs, row-major m × d, finite, not all equal.</param>
    /// <param name="inputDim">d ≥ 1.</param>
    /// <param name="width">Width n ≥ m.</param>
    /// <returns>The three variances.</returns>
    /// <exception cref="ArgumentException">Fewer than two points, all points equal (zero denominator), or bad points.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> &lt; 1 or n &lt; m.</exception>
    public static DataDependentInitVariances Eq5Variances(ReadOnlySpan<double> points, int inputDim, int width)
    {
        int m = RequirePoints(points, inputDim, nameof(points));
        if (m < 2)
            throw new ArgumentException("Eq. (5) needs at least two training points (its denominator sums over pairs).", nameof(points));
        RequireWidth(width, m);
        double pairs = 0;
        for (int k = 0; k < m; k++)
            for (int i = k + 1; i < m; i++)
                pairs += SquaredDistance(points, inputDim, k, i);
        if (!(pairs > 0))
            throw new ArgumentException("All training points are equal, so the denominator of Eq. (5) is zero.", nameof(points));
        double h = (double)width / m;
        return new DataDependentInitVariances(2.0 / inputDim, SquaredNorm(points) / (h * pairs), 0);
    }

    /// <inheritdoc cref="Eq5Variances(ReadOnlySpan{double}, int, int)"/>
    /// <param name="points">The m ≥ 2 training inputs, each of the same length d ≥ 1, not all equal.</param>
    /// <param name="width">Width n ≥ m.</param>
    public static DataDependentInitVariances Eq5Variances(double[][] points, int width)
    {
        var (flat, d) = Flatten(points, nameof(points));
        return Eq5Variances(flat, d, width);
    }

    /// <summary>
    /// The σ_out² for which Theorem 10 equals the He-without-bias value (2/(d m))‖X‖_F², for any width n ≥ m, σ_in and
    /// s: σ_out² = 2π‖X‖_F²/(d σ_in² S) with S the double sum of Theorem 10 (over all n neurons). With σ_in² = 2/d,
    /// s = 0 and m dividing n it is Eq. (5)'s σ_out². Source: the matching principle of Shin &amp; Karniadakis 2020, §4.1, solved exactly.
    /// <b>EXACT</b>.
    /// </summary>
    /// <param name="points">The m training inputs, row-major m × d, finite, not all at the origin.</param>
    /// <param name="inputDim">d ≥ 1.</param>
    /// <param name="width">Width n ≥ m.</param>
    /// <param name="sigmaIn">σ_in, finite and &gt; 0.</param>
    /// <param name="s">s = σ_e/σ_in, finite and ≥ 0.</param>
    /// <returns>σ_out² &gt; 0.</returns>
    /// <exception cref="ArgumentException">
    /// Bad points; all points at the origin (the He value is 0); or s = 0 with all points equal (Theorem 10 is 0 for
    /// every σ_out).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A scalar argument is outside its range.</exception>
    public static double OutputVarianceMatchingHe(ReadOnlySpan<double> points, int inputDim, int width, double sigmaIn, double s)
    {
        int m = RequirePoints(points, inputDim, nameof(points));
        RequireWidth(width, m);
        RequireSigma(sigmaIn, nameof(sigmaIn));
        RequireSpread(s, nameof(s));
        double norm = SquaredNorm(points);
        if (!(norm > 0))
            throw new ArgumentException("All training points are at the origin, so the He value to match is 0.", nameof(points));
        double sum = BracketSum(points, inputDim, m, width, s);
        if (!(sum > 0))
            throw new ArgumentException("With s = 0 and all points equal, Theorem 10 is 0 for every output variance.", nameof(points));
        return 2 * Math.PI * norm / (inputDim * sigmaIn * sigmaIn * sum);
    }

    /// <summary>Σ_k Σ_{i=1}^{n} B(Δ_{k, j_i}) = Σ_k Σ_j c_j B(Δ_{kj}), c_j = neurons placed at point j.</summary>
    private static double BracketSum(ReadOnlySpan<double> points, int d, int m, int width, double s)
    {
        int perPoint = width / m, extra = width % m;
        double s2 = s * s;
        double sum = 0;
        for (int k = 0; k < m; k++)
            for (int j = 0; j < m; j++)
            {
                double delta2 = k == j ? 0 : SquaredDistance(points, d, k, j);
                double delta = Math.Sqrt(delta2);
                // (s² + Δ²)(arctan(s/Δ) + π/2) + sΔ; atan2 gives the Δ → 0 limit π/2 (s > 0) and 0·… = 0 (s = 0).
                double bracket = (s2 + delta2) * (Math.Atan2(s, delta) + Math.PI / 2) + (s > 0 ? s * delta : 0);
                sum += (perPoint + (j < extra ? 1 : 0)) * bracket;
            }
        return sum;
    }

    private static double SquaredDistance(ReadOnlySpan<double> points, int d, int k, int j)
    {
        double sum = 0;
        for (int c = 0; c < d; c++)
        {
            double diff = points[k * d + c] - points[j * d + c];
            sum += diff * diff;
        }
        return sum;
    }

    private static double SquaredNorm(ReadOnlySpan<double> points)
    {
        double sum = 0;
        foreach (double v in points)
            sum += v * v;
        return sum;
    }

    private static int RequirePoints(ReadOnlySpan<double> points, int inputDim, string paramName)
    {
        BornDeadProbability.RequireInputDim(inputDim, nameof(inputDim));
        if (points.IsEmpty)
            throw new ArgumentException("At least one training point (m >= 1) is needed.", paramName);
        if (points.Length % inputDim != 0)
            throw new ArgumentException(
                $"{paramName} has {points.Length} values, not a whole number of points of dimension {inputDim}.", paramName);
        for (int i = 0; i < points.Length; i++)
            if (!double.IsFinite(points[i]))
                throw new ArgumentException(
                    $"Coordinate {i % inputDim} of point {i / inputDim} is {points[i]}; coordinates must be finite.", paramName);
        return points.Length / inputDim;
    }

    private static (double[] Flat, int Dim) Flatten(double[][] points, string paramName)
    {
        ArgumentNullException.ThrowIfNull(points, paramName);
        if (points.Length == 0)
            throw new ArgumentException("At least one training point (m >= 1) is needed.", paramName);
        ArgumentNullException.ThrowIfNull(points[0], $"{paramName}[0]");
        int d = points[0].Length;
        if (d < 1)
            throw new ArgumentException("Points must have at least one coordinate (d >= 1).", paramName);
        var flat = new double[points.Length * d];
        for (int k = 0; k < points.Length; k++)
        {
            ArgumentNullException.ThrowIfNull(points[k], $"{paramName}[{k}]");
            if (points[k].Length != d)
                throw new ArgumentException($"Point {k} has {points[k].Length} coordinates but point 0 has {d}.", paramName);
            points[k].CopyTo(flat, k * d);
        }
        return (flat, d);
    }

    private static void RequireWidth(int width, int m)
    {
        if (width < m)
            throw new ArgumentOutOfRangeException(nameof(width), width,
                $"width (n = {width}) must be at least the number of training points (m = {m}).");
    }

    private static void RequireSigma(double sigma, string paramName)
    {
        if (!(sigma > 0) || double.IsPositiveInfinity(sigma))
            throw new ArgumentOutOfRangeException(paramName, sigma, $"{paramName} must be finite and positive.");
    }

    private static void RequireSpread(double s, string paramName)
    {
        if (!(s >= 0) || double.IsPositiveInfinity(s))
            throw new ArgumentOutOfRangeException(paramName, s, $"{paramName} (= sigma_e / sigma_in) must be finite and non-negative.");
    }
}

/// <summary>Variances of the data-dependent initialisation (Shin &amp; Karniadakis 2020, Eq. (5)).</summary>
/// <param name="InputVariance">σ_in², the variance of each first-layer weight.</param>
/// <param name="OutputVariance">σ_out², the variance of each output weight.</param>
/// <param name="NoiseVariance">σ_e², the variance of ε_i in b_i = −w_iᵀx_{j_i} + |ε_i|.</param>
public readonly record struct DataDependentInitVariances(double InputVariance, double OutputVariance, double NoiseVariance);
