namespace ReluKernels.LengthMap;

/// <summary>
/// One thread's scratch space for drawing random networks of N neurons in each of L layers and reading q^l =
/// (1/N) Σ_i (h_i^l)² off every layer (Lu, Su &amp; Karniadakis 2019, Eq. (1)).
/// </summary>
/// <remarks>
/// Layer l is drawn from the stream when it is reached: W^l by the weight initialiser (as <see cref="LayerInitializer.DrawLayer{T}"/>
/// draws a bias-free layer), then b^l ~ N(0, σ_b²) when σ_b &gt; 0. Pre-activations are computed exactly as
/// <see cref="GenericNetwork{T}"/> computes them (h_j = b_j, then fused multiply-adds over inputs in ascending order) and the
/// activation is the kernels' own, so h^L is bit-identical to a <see cref="GenericNetwork{T}"/> with a linear output layer;
/// this class exists because that kernel returns only its last layer, with at most <see cref="ShapeLimits.MaxDim"/> outputs.
/// <see cref="Sample"/> allocates nothing.
/// </remarks>
internal sealed class LengthMapNetwork
{
    private readonly KernelActivation<double> _activation;
    private readonly LayerInitializer _weights;
    private readonly double _biasStd;
    private readonly int _width, _depth;
    private readonly double[] _w, _b, _x, _h;

    public LengthMapNetwork(Activation kind, double? parameter, LayerInitializer weights, int width, int depth, double biasStd)
    {
        _activation = new KernelActivation<double>(new NetworkArchitecture(width, 1, activation: kind, activationParameter: parameter));
        _weights = weights;
        _width = width;
        _depth = depth;
        _biasStd = biasStd;
        _w = new double[width * width];
        _b = new double[width];
        _x = new double[width];
        _h = new double[width];
    }

    /// <summary>h^L of the last network sampled.</summary>
    public ReadOnlySpan<double> LastPreActivations => _h;

    /// <summary>Draws one network from <paramref name="rng"/> and writes q^1..q^L into <paramref name="lengths"/> (input x⁰ = (1, …, 1)).</summary>
    public void Sample(ref CounterRng rng, Span<double> lengths)
    {
        int n = _width;
        _x.AsSpan().Fill(1);
        for (int l = 1; l <= _depth; l++)
        {
            _weights.DrawLayer(new LayerShape(l, n, n, HasBias: false), _w.AsSpan(), Span<double>.Empty, ref rng);
            if (_biasStd > 0)
                InitDraw.Normal(_b.AsSpan(), _biasStd, ref rng);
            else
                _b.AsSpan().Clear();
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                double z = _b[j];
                for (int i = 0; i < n; i++)
                    z = Math.FusedMultiplyAdd(_w[j * n + i], _x[i], z);
                _h[j] = z;
                sum += z * z;
            }
            lengths[l - 1] = sum / n;
            for (int j = 0; j < n; j++)
                _x[j] = _activation.Apply(_h[j]);
        }
    }
}
