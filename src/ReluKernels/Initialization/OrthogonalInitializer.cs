using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace ReluKernels;

/// <summary>
/// Orthogonal initialisation (Saxe et al. 2014; Lu et al. 2019, §5.1): each W_l is gain × a Haar-distributed
/// (semi-)orthogonal matrix; biases 0.
/// </summary>
/// <remarks>
/// For W of shape [out, in], let n = max(out, in), m = min(out, in). Draw an n×m matrix A of i.i.d. standard normals
/// (double precision, column-major from the stream), take the thin QR decomposition A = QR (MathNet.Numerics,
/// Householder), and multiply column k of Q by sign(R_kk) (Mezzadri 2007, "How to generate random matrices from the
/// classical compact groups"): without that correction Q inherits the sign convention of the QR routine and is not
/// Haar. W = Q if out ≥ in (orthonormal columns, WᵀW = I), else W = Qᵀ (orthonormal rows, WWᵀ = I); then W ← gain·W.
/// The default gain is 1 (Saxe et al.; PyTorch's default); √2 is the usual ReLU choice. This initializer allocates
/// (MathNet matrices) and is not meant for hot Monte-Carlo loops.
/// </remarks>
public sealed class OrthogonalInitializer : LayerInitializer
{
    /// <summary>Creates an orthogonal initializer with the given <paramref name="gain"/>.</summary>
    public OrthogonalInitializer(double gain = 1)
    {
        if (!(gain > 0) || double.IsInfinity(gain))
            throw new ArgumentOutOfRangeException(nameof(gain), gain, "The gain must be positive and finite.");
        Gain = gain;
    }

    /// <summary>Gain 1.</summary>
    public static OrthogonalInitializer Default { get; } = new();

    /// <summary>The factor applied to the orthogonal matrix.</summary>
    public double Gain { get; }

    /// <inheritdoc/>
    protected override void InitializeLayer<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng)
    {
        int n = Math.Max(layer.FanOut, layer.FanIn), m = Math.Min(layer.FanOut, layer.FanIn);
        var gaussian = new double[n * m];
        rng.FillNormal(gaussian.AsSpan());
        var q = HaarColumns(Matrix<double>.Build.Dense(n, m, gaussian));
        bool tall = layer.FanOut >= layer.FanIn;
        for (int r = 0; r < layer.FanOut; r++)
            for (int c = 0; c < layer.FanIn; c++)
                weights[r * layer.FanIn + c] = T.CreateTruncating(Gain * (tall ? q[r, c] : q[c, r]));
        biases.Clear();
    }

    /// <summary>Q of the thin QR of <paramref name="a"/> with columns multiplied by sign(R_kk) (Mezzadri 2007).</summary>
    internal static Matrix<double> HaarColumns(Matrix<double> a)
    {
        var qr = a.QR(QRMethod.Thin);
        var q = qr.Q.Clone();
        for (int k = 0; k < q.ColumnCount; k++)
            if (qr.R[k, k] < 0)
                q.SetColumn(k, q.Column(k).Negate());
        return q;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Orthogonal(gain {Gain})";
}
