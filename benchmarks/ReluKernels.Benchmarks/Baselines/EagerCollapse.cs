namespace ReluKernels.Benchmarks.Baselines;

/// <summary>
/// Weight-space collapse simulation the direct way: draw every weight of a block of 16 networks up front (He-normal
/// without its scale, which zero patterns ignore), run the network-parallel forward at x = +1 and x = −1, and count the
/// networks whose last layer is zero at both. No early exit and no lazy draws — the baseline the lazy engines improve on.
/// The forward is either a generated kernel or the generic one.
/// </summary>
public abstract class EagerCollapse
{
    private readonly float[] _parameters, _outputs;
    private readonly float[] _plus = [1f], _minus = [-1f];
    private readonly int _lanes, _outputDim;

    protected EagerCollapse(NetworkArchitecture architecture, int lanes)
    {
        _lanes = lanes;
        _outputDim = architecture.OutputDim;
        _parameters = new float[architecture.ParameterCount * lanes];
        _outputs = new float[2 * architecture.OutputDim * lanes];
    }

    protected abstract void ForwardNetworks(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> outputs);

    /// <summary>Simulates <paramref name="blocks"/> × 16 networks; returns how many collapsed.</summary>
    public long Run(ref CounterRng rng, int blocks)
    {
        long collapsed = 0;
        int half = _outputDim * _lanes;
        for (int b = 0; b < blocks; b++)
        {
            rng.FillNormal(_parameters);
            ForwardNetworks(_parameters, _plus, _outputs.AsSpan(0, half));
            ForwardNetworks(_parameters, _minus, _outputs.AsSpan(half, half));
            for (int n = 0; n < _lanes; n++)
            {
                bool alive = false;
                for (int o = 0; o < 2 * _outputDim && !alive; o++)
                    alive = _outputs[o * _lanes + n] > 0;
                if (!alive)
                    collapsed++;
            }
        }
        return collapsed;
    }
}

/// <summary><see cref="EagerCollapse"/> on the generated network-parallel kernel of <typeparamref name="TNet"/>.</summary>
public sealed class GeneratedEagerCollapse<TNet>() : EagerCollapse(TNet.Architecture, TNet.NetworkLanes)
    where TNet : IReluNetwork<TNet, float>
{
    protected override void ForwardNetworks(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> outputs) =>
        TNet.ForwardNetworks(parameters, input, outputs);
}

/// <summary><see cref="EagerCollapse"/> on <see cref="GenericNetwork{T}"/>.</summary>
public sealed class GenericEagerCollapse(NetworkArchitecture architecture) : EagerCollapse(architecture, GenericNetwork<float>.NetworkLanes)
{
    private readonly GenericNetwork<float> _network = new(architecture);

    protected override void ForwardNetworks(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> outputs) =>
        _network.ForwardNetworks(parameters, input, outputs);
}

/// <summary>
/// The naive scalar simulation: one network at a time, every weight drawn one by one, a plain matrix-vector loop at
/// x = ±1 in float. What a first implementation without SIMD or early exit looks like.
/// </summary>
public sealed class NaiveCollapse(int width, int depth)
{
    private readonly float[] _plus = new float[width], _minus = new float[width], _nextPlus = new float[width], _nextMinus = new float[width];
    private readonly float[] _row = new float[width];

    /// <summary>Simulates <paramref name="trials"/> networks; returns how many collapsed.</summary>
    public long Run(ref CounterRng rng, int trials)
    {
        long collapsed = 0;
        for (int t = 0; t < trials; t++)
        {
            for (int i = 0; i < width; i++)
            {
                float w = rng.NextNormalSingle();
                _plus[i] = MathF.Max(w, 0);
                _minus[i] = MathF.Max(-w, 0);
            }
            for (int l = 2; l <= depth; l++)
            {
                for (int i = 0; i < width; i++)
                {
                    float zp = 0, zm = 0;
                    for (int j = 0; j < width; j++)
                        _row[j] = rng.NextNormalSingle();
                    for (int j = 0; j < width; j++)
                    {
                        zp += _row[j] * _plus[j];
                        zm += _row[j] * _minus[j];
                    }
                    _nextPlus[i] = MathF.Max(zp, 0);
                    _nextMinus[i] = MathF.Max(zm, 0);
                }
                _nextPlus.CopyTo(_plus.AsSpan());
                _nextMinus.CopyTo(_minus.AsSpan());
            }
            if (_plus.AsSpan().IndexOfAnyExcept(0f) < 0 && _minus.AsSpan().IndexOfAnyExcept(0f) < 0)
                collapsed++;
        }
        return collapsed;
    }
}
