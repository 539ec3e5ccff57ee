using ReluKernels.Compositional;

namespace ReluKernels.Experiments.Compositional;

/// <summary>
/// The unconstrained coordinates z that the first training stage's Adam moves, and their map to the peaks and scales of a
/// <see cref="CompositionalNetwork"/> (with its chain rule). Every z is a valid network, so no step needs clamping.
/// </summary>
/// <remarks>
/// <para><b>Peaks</b> a_i = m + (1 − 2m)·sigmoid(u_i) with margin m = <see cref="PeakMargin"/>: always strictly inside
/// (m, 1 − m) ⊂ (0, 1), so the weights 1/(a(1 − a)) stay bounded.</para>
/// <para><b>Scales.</b> <see cref="ScaleRule.Differentiable"/>: z = (u_0..u_d, v), s_1..s_{d−1} from Eq. (5). For
/// <see cref="WaveSign.Subtract"/>, s_0 = a_0 a_1·sigmoid(v), which keeps s_0 &lt; a_0 a_1: then every partial accumulation stays ≥ 0
/// and the ReLU network equals x − Σ s_i W_i with its 2^d regions (<see cref="CompositionalNetwork"/>'s remarks). For
/// <see cref="WaveSign.Add"/> nothing can go negative and s_0 = e^v. <see cref="ScaleRule.Free"/>: z = (u_0..u_{d−1},
/// v_0..v_{d−1}) with s_i = e^{v_i}; nothing then keeps a subtracted accumulation ≥ 0.</para>
/// </remarks>
public sealed class PeakScaleParameters
{
    /// <summary>The peaks' distance from 0 and 1 (ours; the paper does not say how it keeps a_i in (0, 1)).</summary>
    public const double PeakMargin = 0.01;

    private readonly double[] _peaks;    // a_0..a_d (Differentiable) or a_0..a_{d−1} (Free)
    private readonly double[] _scales;   // s_0..s_{d−1}
    private readonly double[] _peakGradient;

    /// <summary>Coordinates for a depth-<paramref name="depth"/> network with sign <paramref name="sign"/> under <paramref name="rule"/>.</summary>
    /// <exception cref="ArgumentException">The depth is outside 1..<see cref="CompositionalNetwork.MaxDepth"/> or the rule or sign unknown.</exception>
    public PeakScaleParameters(int depth, WaveSign sign, ScaleRule rule)
    {
        CompositionalNetwork.CheckDepth(depth, nameof(depth));
        if (!Enum.IsDefined(sign) || !Enum.IsDefined(rule))
            throw new ArgumentException($"Unknown sign {sign} or rule {rule}.", nameof(rule));
        Depth = depth;
        Sign = sign;
        Rule = rule;
        int peaks = rule == ScaleRule.Differentiable ? depth + 1 : depth;
        _peaks = new double[peaks];
        _scales = new double[depth];
        _peakGradient = new double[peaks];
        Count = rule == ScaleRule.Differentiable ? depth + 2 : 2 * depth;
    }

    /// <summary>Hidden layers d.</summary>
    public int Depth { get; }

    /// <summary>Whether the waves are subtracted or added.</summary>
    public WaveSign Sign { get; }

    /// <summary>How the scales are set.</summary>
    public ScaleRule Rule { get; }

    /// <summary>Length of z: d + 2 (<see cref="ScaleRule.Differentiable"/>) or 2d (<see cref="ScaleRule.Free"/>).</summary>
    public int Count { get; }

    /// <summary>The peaks of the last <see cref="Apply"/>: a_0..a_d under <see cref="ScaleRule.Differentiable"/> (a_d sets s_{d−1}), else a_0..a_{d−1}.</summary>
    public ReadOnlySpan<double> Peaks => _peaks;

    /// <summary>The scales of the last <see cref="Apply"/>.</summary>
    public ReadOnlySpan<double> Scales => _scales;

    /// <summary>
    /// Writes the z of <paramref name="peaks"/> and <paramref name="scales"/> (the inverse of <see cref="Apply"/>), for a start.
    /// Under <see cref="ScaleRule.Differentiable"/> only s_0 is read: the others follow from Eq. (5).
    /// </summary>
    /// <param name="peaks">As <see cref="Peaks"/> (d + 1 or d values), each in (<see cref="PeakMargin"/>, 1 − <see cref="PeakMargin"/>).</param>
    /// <param name="scales">s_0..s_{d−1}, positive; for a subtracted differentiable network s_0 &lt; a_0 a_1.</param>
    /// <param name="z">Receives <see cref="Count"/> coordinates.</param>
    /// <exception cref="ArgumentException">A length is wrong or a value is outside its range.</exception>
    public void Encode(ReadOnlySpan<double> peaks, ReadOnlySpan<double> scales, Span<double> z)
    {
        if (peaks.Length != _peaks.Length || scales.Length != Depth || z.Length != Count)
            throw new ArgumentException($"Expected {_peaks.Length} peaks, {Depth} scales and {Count} coordinates.", nameof(peaks));
        for (int i = 0; i < peaks.Length; i++)
        {
            double p = (peaks[i] - PeakMargin) / (1 - 2 * PeakMargin);
            if (!(p > 0 && p < 1))
                throw new ArgumentException($"Peak a_{i} = {peaks[i]} is not inside ({PeakMargin}, {1 - PeakMargin}).", nameof(peaks));
            z[i] = Math.Log(p / (1 - p));
        }
        int first = peaks.Length;
        int scaleCount = Rule == ScaleRule.Differentiable ? 1 : Depth;
        for (int i = 0; i < scaleCount; i++)
        {
            if (!(scales[i] > 0) || !double.IsFinite(scales[i]))
                throw new ArgumentException($"Scale s_{i} = {scales[i]} must be positive and finite.", nameof(scales));
            if (i == 0 && BoundedFirstScale)
            {
                double q = scales[0] / (peaks[0] * peaks[1]);
                if (!(q < 1))
                    throw new ArgumentException($"s_0 = {scales[0]} must be below a_0·a_1 = {peaks[0] * peaks[1]} when the waves are subtracted.", nameof(scales));
                z[first] = Math.Log(q / (1 - q));
            }
            else
            {
                z[first + i] = Math.Log(scales[i]);
            }
        }
    }

    /// <summary>Computes the peaks and scales of <paramref name="z"/> and writes them into <paramref name="network"/>. Allocation-free.</summary>
    /// <exception cref="ArgumentException">A length does not match, or a scale overflows to infinity or underflows to 0 (see <see cref="TryApply"/>).</exception>
    public void Apply(ReadOnlySpan<double> z, CompositionalNetwork network)
    {
        if (!TryApply(z, network))
            throw new ArgumentException("The coordinates give a scale that is 0 or infinite in double.", nameof(z));
    }

    /// <summary>
    /// As <see cref="Apply"/>, but returns false, leaving the network unchanged, when a scale e^v overflows or underflows
    /// (a diverging stage one). Allocation-free.
    /// </summary>
    /// <exception cref="ArgumentException">A length does not match.</exception>
    public bool TryApply(ReadOnlySpan<double> z, CompositionalNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (z.Length != Count || network.Depth != Depth || network.Sign != Sign)
            throw new ArgumentException($"Expected {Count} coordinates and a depth-{Depth} {Sign} network.", nameof(z));
        for (int i = 0; i < _peaks.Length; i++)
            _peaks[i] = PeakMargin + (1 - 2 * PeakMargin) * Sigmoid(z[i]);
        int first = _peaks.Length;
        if (Rule == ScaleRule.Differentiable)
        {
            double s0 = BoundedFirstScale ? _peaks[0] * _peaks[1] * Sigmoid(z[first]) : Math.Exp(z[first]);
            if (!(s0 > 0) || !double.IsFinite(s0))
                return false;
            DifferentiabilityCondition.Scales(_peaks, s0, _scales);
        }
        else
        {
            for (int i = 0; i < Depth; i++)
                _scales[i] = Math.Exp(z[first + i]);
        }
        foreach (double s in _scales)
            if (!(s > 0) || !double.IsFinite(s))
                return false;
        network.Assign(_peaks.AsSpan(0, Depth), _scales);
        return true;
    }

    /// <summary>
    /// dL/dz from dL/da and dL/ds of the network <see cref="Apply"/> last wrote (<see cref="CompositionalNetwork.BackpropagateParameterGradient"/>). Allocation-free.
    /// </summary>
    /// <param name="z">The coordinates given to <see cref="Apply"/>.</param>
    /// <param name="peakGradient">dL/da_0..dL/da_{d−1}.</param>
    /// <param name="scaleGradient">dL/ds_0..dL/ds_{d−1}.</param>
    /// <param name="gradient">Receives dL/dz (<see cref="Count"/> values).</param>
    /// <exception cref="ArgumentException">A length does not match.</exception>
    public void Backpropagate(ReadOnlySpan<double> z, ReadOnlySpan<double> peakGradient, ReadOnlySpan<double> scaleGradient, Span<double> gradient)
    {
        if (z.Length != Count || gradient.Length != Count || peakGradient.Length != Depth || scaleGradient.Length != Depth)
            throw new ArgumentException($"Expected {Count} coordinates and gradients and {Depth} peak and scale gradients.", nameof(gradient));
        var ga = _peakGradient.AsSpan();
        ga.Clear();
        peakGradient.CopyTo(ga);
        int first = _peaks.Length;
        if (Rule == ScaleRule.Differentiable)
        {
            double gFirst = DifferentiabilityCondition.Backpropagate(_peaks, _scales, scaleGradient, ga);
            if (BoundedFirstScale)
            {
                // s_0 = a_0 a_1 σ(v)
                double q = Sigmoid(z[first]);
                ga[0] += gFirst * _peaks[1] * q;
                ga[1] += gFirst * _peaks[0] * q;
                gradient[first] = gFirst * _scales[0] * (1 - q);
            }
            else
            {
                gradient[first] = gFirst * _scales[0];
            }
        }
        else
        {
            for (int i = 0; i < Depth; i++)
                gradient[first + i] = scaleGradient[i] * _scales[i];
        }
        for (int i = 0; i < first; i++)
        {
            double p = Sigmoid(z[i]);
            gradient[i] = ga[i] * (1 - 2 * PeakMargin) * p * (1 - p);
        }
    }

    private bool BoundedFirstScale => Rule == ScaleRule.Differentiable && Sign == WaveSign.Subtract;

    private static double Sigmoid(double u) => 1 / (1 + Math.Exp(-u));
}
