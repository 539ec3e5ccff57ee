namespace ReluKernels.Compositional;

/// <summary>
/// A compositional network of Milkert et al. (2023): peaks a_0..a_{d−1} and scales s_0..s_{d−1} of a width-4, depth-d
/// ReLU network whose output on [0, 1] is F(x) = x ∓ Σ_{i&lt;d} s_i W_i(x) with 2^d linear pieces
/// (docs/experiments/compositional.md).
/// </summary>
/// <remarks>
/// This is the reparameterisation the first training stage works in. <see cref="WriteParameters{T}"/> turns it into the raw
/// parameters of <see cref="Architecture"/> (the layout of <see cref="NetworkArchitecture"/>, as the training engine,
/// <see cref="GenericNetwork{T}"/> and generated 4 × d shapes use), and <see cref="BackpropagateParameterGradient"/> carries a
/// gradient with respect to those raw parameters back to the peaks and scales (the chain rule of stage one).
/// The network equals F on [0, 1] when every partial accumulation x ∓ Σ_{i&lt;k} s_i W_i stays ≥ 0 there (its neuron is
/// a ReLU): always for <see cref="WaveSign.Add"/>, and for <see cref="WaveSign.Subtract"/> under the differentiability
/// condition with s_0 ≤ a_0·a_1 (then F is convex with F(0) = 0 and F'(0) ≥ 0, and the partial sums lie above F).
/// </remarks>
public sealed partial class CompositionalNetwork
{
    /// <summary>Neurons per hidden layer: accumulating, always-on, gated and constant.</summary>
    public const int Width = 4;

    /// <summary>
    /// Deepest supported network. At depth d the finest pieces of the construction are at most 2^−d wide (all peaks 1/2;
    /// other peaks make some narrower) and bend the output by about 2^−d of its unit slope, which the region test of
    /// <see cref="Analysis.PiecewiseLinearPropagator.LinearRegionCount"/> must tell from rounding. Measured with all
    /// peaks 1/2 and the differentiability condition: exactly 2^d regions through depth 22, a wrong count from 23 on
    /// (docs/experiments/compositional.md).
    /// </summary>
    public const int MaxDepth = 22;

    private readonly double[] _peaks;
    private readonly double[] _scales;

    /// <summary>Creates the network of depth d = <paramref name="peaks"/>.Length.</summary>
    /// <param name="peaks">a_0..a_{d−1}, each in the open interval (0, 1).</param>
    /// <param name="scales">s_0..s_{d−1}, each positive and finite (see <see cref="DifferentiabilityCondition.Scales"/>).</param>
    /// <param name="sign">Whether the waves are subtracted from (convex targets) or added to (concave) the line y = x.</param>
    /// <exception cref="ArgumentException">A depth outside 1..<see cref="MaxDepth"/>, a peak outside (0, 1), a scale that is not positive and finite, or spans of different lengths.</exception>
    public CompositionalNetwork(ReadOnlySpan<double> peaks, ReadOnlySpan<double> scales, WaveSign sign = WaveSign.Subtract)
    {
        CheckDepth(peaks.Length, nameof(peaks));
        CheckPeaks(peaks, nameof(peaks));
        if (scales.Length != peaks.Length)
            throw new ArgumentException($"Expected one scale per peak ({peaks.Length}), got {scales.Length}.", nameof(scales));
        for (int i = 0; i < scales.Length; i++)
            if (!(scales[i] > 0) || !double.IsFinite(scales[i]))
                throw new ArgumentException($"Scale s_{i} = {scales[i]} must be positive and finite.", nameof(scales));
        if (!Enum.IsDefined(sign))
            throw new ArgumentException($"Unknown wave sign {sign}.", nameof(sign));
        _peaks = peaks.ToArray();
        _scales = scales.ToArray();
        Sign = sign;
        Architecture = new NetworkArchitecture(Width, Depth);
    }

    /// <summary>Number of hidden layers d.</summary>
    public int Depth => _peaks.Length;

    /// <summary>a_0..a_{d−1}.</summary>
    public ReadOnlySpan<double> Peaks => _peaks;

    /// <summary>s_0..s_{d−1}.</summary>
    public ReadOnlySpan<double> Scales => _scales;

    /// <summary>Whether the waves are subtracted or added.</summary>
    public WaveSign Sign { get; }

    /// <summary>1 → [4 × d] → 1 with biases and an affine output: the shape <see cref="WriteParameters{T}"/> fills.</summary>
    public NetworkArchitecture Architecture { get; }

    /// <summary>Linear pieces of F on [0, 1], and of hidden layer k's output (k = 1..d) 2^k: each wave doubles them.</summary>
    public long RegionCount => 1L << Depth;

    /// <summary>F(x) by the closed form (<see cref="TriangleWaves.Output"/>).</summary>
    public double Evaluate(double x) => TriangleWaves.Output(_peaks, _scales, Sign, x);

    /// <summary>Rejects a depth outside 1..<see cref="MaxDepth"/>.</summary>
    internal static void CheckDepth(int depth, string name)
    {
        if (depth < 1 || depth > MaxDepth)
            throw new ArgumentException(
                $"Depth {depth} is outside the supported range 1..{MaxDepth} (beyond it 2^depth regions are not resolvable in double).", name);
    }

    /// <summary>Rejects a peak outside the open interval (0, 1).</summary>
    internal static void CheckPeaks(ReadOnlySpan<double> peaks, string name)
    {
        for (int i = 0; i < peaks.Length; i++)
            if (!(peaks[i] > 0 && peaks[i] < 1))
                throw new ArgumentException($"Peak a_{i} = {peaks[i]} must lie in the open interval (0, 1).", name);
    }
}
