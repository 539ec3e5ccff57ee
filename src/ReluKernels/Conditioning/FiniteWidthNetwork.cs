using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ReluKernels.Activations;

namespace ReluKernels.Conditioning;

/// <summary>
/// One random fully connected network of a given width and depth over a <see cref="ScalarActivation"/>, in the NTK
/// parameterisation, evaluated on a fixed data set of unit vectors: the empirical top-layer kernels
/// K̂^(h) = φ_h(X) φ_h(X)ᵀ / width for every depth h from one forward pass, and optionally the empirical neural tangent
/// kernel of every truncated depth (the Gram matrix of the parameter gradients).
/// </summary>
/// <remarks>
/// <para><b>Convention.</b> Every weight is N(0, 1); z₁ = W₁x (the inputs are unit vectors, so z₁ already has unit
/// variance), z_h = W_h φ_{h−1} / √width for h ≥ 2, φ_h = σ(z_h), and the output f = v·φ_L / √width. Given layer h − 1,
/// the pre-activations of two inputs are exactly bivariate normal with covariance K̂^(h−1), so as width → ∞ K̂^(h) →
/// σ̂(K^(h−1)) = K^(h) for a normalised σ (Agarwal, Awasthi &amp; Kale 2021, Lemma C.4), and the gradient Gram matrix
/// Θ̂ = K̂^(L) + Σ_h (g_h·g′_h) K̂^(h−1), with g_h = ∂f/∂z_h, tends to the recursion of <c>InfiniteWidthKernel</c>.
/// At depth 1 both are unbiased at every width: E K̂^(1) = σ̂(G) and E Θ̂^(1) = Θ^(1).</para>
/// <para>One instance is one thread's scratch space; <see cref="Sample"/> allocates nothing. Dot products run on
/// <see cref="Vector128{T}"/> with a fixed summation order, so results do not depend on the machine's ISA.</para>
/// </remarks>
public sealed class FiniteWidthNetwork
{
    private readonly ScalarActivation _activation;
    private readonly double[][] _inputs;
    private readonly int _width, _depth, _dimension;
    private readonly bool _withNtk;
    private readonly double[] _weights;      // one layer (kernel only) or every layer (NTK), row-major, rows = output neurons
    private readonly double[] _pre, _post;   // per layer × input × neuron (only layer 0 slot when no NTK)
    private readonly double[] _output, _gradient, _nextGradient;
    private readonly double _scale;

    /// <summary>Scratch space for networks of <paramref name="width"/> and <paramref name="depth"/> on <paramref name="inputs"/>.</summary>
    /// <param name="activation">σ; normalise it first for the kernels to tend to the theory's.</param>
    /// <param name="inputs">The data set: unit vectors of one dimension (see <c>GramMatrix.Of</c>).</param>
    /// <param name="width">Hidden width, 1..<see cref="MaxWidth"/>.</param>
    /// <param name="depth">Hidden layers, 1..<see cref="MaxDepth"/>.</param>
    /// <param name="withNtk">Also compute the empirical NTK (stores every layer's weights: width ≤ <see cref="MaxNtkWidth"/>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No inputs, ragged inputs, or an input that is not a unit vector.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Width or depth out of range.</exception>
    public FiniteWidthNetwork(ScalarActivation activation, IReadOnlyList<double[]> inputs, int width, int depth, bool withNtk)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, withNtk ? MaxNtkWidth : MaxWidth);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, MaxDepth);
        if (inputs.Count == 0)
            throw new ArgumentException("need at least one input.", nameof(inputs));
        _dimension = inputs[0]?.Length ?? 0;
        foreach (var x in inputs)
        {
            if (x is null || x.Length != _dimension || _dimension == 0)
                throw new ArgumentException("every input needs the same dimension ≥ 1.", nameof(inputs));
            double norm = Math.Sqrt(x.Sum(v => v * v));
            if (!(Math.Abs(norm - 1) <= 1e-9))
                throw new ArgumentException($"inputs must be unit vectors (found norm {norm:G6}).", nameof(inputs));
        }
        _activation = activation;
        _inputs = [.. inputs.Select(x => (double[])x.Clone())];
        _width = width;
        _depth = depth;
        _withNtk = withNtk;
        _scale = 1 / Math.Sqrt(width);
        int fanIn = Math.Max(width, _dimension), layers = withNtk ? depth : 1, n = _inputs.Length;
        _weights = new double[layers * width * fanIn];
        _pre = new double[(withNtk ? depth : 1) * n * width];
        _post = new double[(withNtk ? depth : 2) * n * width];
        _output = new double[width];
        _gradient = new double[n * width];
        _nextGradient = new double[n * width];
    }

    /// <summary>The largest width accepted (the issue asks for at least 1024).</summary>
    public const int MaxWidth = 4096;

    /// <summary>The largest width with the empirical NTK (all weights are kept for the backward pass).</summary>
    public const int MaxNtkWidth = 512;

    /// <summary>The largest depth accepted.</summary>
    public const int MaxDepth = 1000;

    /// <summary>Number of inputs n.</summary>
    public int InputCount => _inputs.Length;

    /// <summary>
    /// Draws one network from <paramref name="rng"/> and writes K̂^(h) for h = 1..depth into <paramref name="kernels"/>
    /// (depth blocks of n × n, row-major) and, when constructed with the NTK, Θ̂^(h) of the network truncated at depth h
    /// (with the same output weights) into <paramref name="tangents"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A destination is too short.</exception>
    public void Sample(ref CounterRng rng, Span<double> kernels, Span<double> tangents)
    {
        int n = _inputs.Length, m = _width, block = n * n;
        if (kernels.Length < _depth * block || (_withNtk && tangents.Length < _depth * block))
            throw new ArgumentException("destination too short for depth × n × n entries.", nameof(kernels));
        if (_withNtk)
            rng.FillNormal(_output.AsSpan());
        for (int h = 1; h <= _depth; h++)
        {
            int fanIn = h == 1 ? _dimension : m;
            var weights = _weights.AsSpan((_withNtk ? h - 1 : 0) * m * Math.Max(m, _dimension), m * fanIn);
            rng.FillNormal(weights);
            double scale = h == 1 ? 1 : _scale;
            var pre = Pre(h);
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<double> previous = h == 1 ? _inputs[i] : Post(h - 1).Slice(i * m, m);
                var z = pre.Slice(i * m, m);
                var a = Post(h).Slice(i * m, m);
                for (int k = 0; k < m; k++)
                {
                    z[k] = scale * Dot(weights.Slice(k * fanIn, fanIn), previous);
                    a[k] = _activation.Value(z[k]);
                }
            }
            Gram(Post(h), kernels.Slice((h - 1) * block, block), 1.0 / m);
            if (_withNtk)
                Tangent(h, kernels, tangents.Slice((h - 1) * block, block));
        }
    }

    // Θ̂ of the network truncated at depth `top`: backward from f = v·φ_top/√m, adding (g_h·g′_h) K̂^(h−1) per layer.
    private void Tangent(int top, ReadOnlySpan<double> kernels, Span<double> tangent)
    {
        int n = _inputs.Length, m = _width, block = n * n;
        kernels.Slice((top - 1) * block, block).CopyTo(tangent);
        var gradient = _gradient.AsSpan();
        var pre = Pre(top);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < m; k++)
                gradient[i * m + k] = _scale * _output[k] * _activation.Derivative(pre[i * m + k]);
        for (int h = top; h >= 1; h--)
        {
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                {
                    double previous = h == 1 ? Dot(_inputs[i], _inputs[j]) : kernels[(h - 2) * block + i * n + j];
                    double term = Dot(gradient.Slice(i * m, m), gradient.Slice(j * m, m)) * previous;
                    tangent[i * n + j] += term;
                    if (j != i)
                        tangent[j * n + i] += term;
                }
            if (h == 1)
                break;
            // g_{h−1} = (W_hᵀ g_h / √m) ⊙ σ′(z_{h−1})
            var weights = _weights.AsSpan((h - 1) * m * Math.Max(m, _dimension), m * m);
            var below = Pre(h - 1);
            var next = _nextGradient.AsSpan();
            next.Clear();
            for (int i = 0; i < n; i++)
            {
                var g = gradient.Slice(i * m, m);
                var target = next.Slice(i * m, m);
                for (int k = 0; k < m; k++)
                {
                    double gk = g[k];
                    var row = weights.Slice(k * m, m);
                    for (int c = 0; c < m; c++)
                        target[c] += gk * row[c];
                }
                for (int c = 0; c < m; c++)
                    target[c] *= _scale * _activation.Derivative(below[i * m + c]);
            }
            next.CopyTo(gradient);
        }
    }

    private Span<double> Pre(int layer) => _pre.AsSpan((_withNtk ? layer - 1 : 0) * _inputs.Length * _width, _inputs.Length * _width);

    private Span<double> Post(int layer) => _withNtk
        ? _post.AsSpan((layer - 1) * _inputs.Length * _width, _inputs.Length * _width)
        : _post.AsSpan((layer & 1) * _inputs.Length * _width, _inputs.Length * _width);

    private void Gram(ReadOnlySpan<double> features, Span<double> destination, double factor)
    {
        int n = _inputs.Length, m = _width;
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                destination[i * n + j] = destination[j * n + i] = factor * Dot(features.Slice(i * m, m), features.Slice(j * m, m));
    }

    /// <summary>A dot product with a fixed summation order on every ISA (two two-lane accumulators, then the tail).</summary>
    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ref double xs = ref MemoryMarshal.GetReference(x), ys = ref MemoryMarshal.GetReference(y);
        var s0 = Vector128<double>.Zero;
        var s1 = Vector128<double>.Zero;
        int k = 0;
        for (; k + 4 <= x.Length; k += 4)
        {
            s0 += Vector128.LoadUnsafe(ref xs, (nuint)k) * Vector128.LoadUnsafe(ref ys, (nuint)k);
            s1 += Vector128.LoadUnsafe(ref xs, (nuint)k + 2) * Vector128.LoadUnsafe(ref ys, (nuint)k + 2);
        }
        var s = s0 + s1;
        double sum = s.GetElement(0) + s.GetElement(1);
        for (; k < x.Length; k++)
            sum += x[k] * y[k];
        return sum;
    }
}
