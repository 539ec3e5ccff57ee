namespace ReluKernels.Degeneracy;

/// <summary>
/// Evaluates a <see cref="LayeredNetwork"/> at one point, with every layer's output kept and, on request, the Jacobian
/// of the output by forward-mode differentiation (<c>J_l = D_l W_l J_{l−1}</c>, D_l the ReLU derivative, 0 at a kink).
/// Buffers are sized at construction, so evaluations allocate nothing; one instance per thread.
/// </summary>
internal sealed class NetworkEvaluator
{
    private readonly LayeredNetwork _network;
    private readonly double[][] _values; // _values[l]: layer l's output (l = 0 is the input)
    private readonly double[] _jacobian;
    private readonly double[] _nextJacobian;

    public NetworkEvaluator(LayeredNetwork network)
    {
        _network = network;
        _values = new double[network.Layers.Count + 1][];
        _values[0] = new double[network.InputDim];
        int widest = network.InputDim;
        for (int l = 0; l < network.Layers.Count; l++)
        {
            _values[l + 1] = new double[network.Layers[l].FanOut];
            widest = Math.Max(widest, network.Layers[l].FanOut);
        }
        _jacobian = new double[widest * network.InputDim];
        _nextJacobian = new double[widest * network.InputDim];
    }

    /// <summary>Layer <paramref name="layer"/>'s output at the last evaluated point (0 = the input, Depth + 1 = the output).</summary>
    public ReadOnlySpan<double> Values(int layer) => _values[layer];

    /// <summary>The output Jacobian at the last point evaluated with a gradient: <c>[OutputDim, InputDim]</c> row-major.</summary>
    public ReadOnlySpan<double> Jacobian => _jacobian.AsSpan(0, _network.OutputDim * _network.InputDim);

    /// <summary>Evaluates at <paramref name="x"/>; with <paramref name="withJacobian"/> also fills <see cref="Jacobian"/>.</summary>
    public ReadOnlySpan<double> Evaluate(ReadOnlySpan<double> x, bool withJacobian)
    {
        int d = _network.InputDim;
        x.CopyTo(_values[0]);
        if (withJacobian)
        {
            Array.Clear(_jacobian);
            for (int k = 0; k < d; k++)
                _jacobian[k * d + k] = 1;
        }
        var layers = _network.Layers;
        for (int l = 0; l < layers.Count; l++)
        {
            var layer = layers[l];
            bool relu = l < layers.Count - 1 || _network.OutputActivation;
            var input = _values[l];
            var output = _values[l + 1];
            for (int j = 0; j < layer.FanOut; j++)
            {
                var w = layer.Row(j);
                double z = layer.Bias(j);
                for (int i = 0; i < w.Length; i++)
                    z = Math.FusedMultiplyAdd(w[i], input[i], z);
                bool passes = !relu || z > 0;
                output[j] = passes ? z : 0;
                if (!withJacobian)
                    continue;
                var row = _nextJacobian.AsSpan(j * d, d);
                row.Clear();
                if (!passes)
                    continue;
                for (int i = 0; i < w.Length; i++)
                    for (int k = 0; k < d; k++)
                        row[k] = Math.FusedMultiplyAdd(w[i], _jacobian[i * d + k], row[k]);
            }
            if (withJacobian)
                _nextJacobian.AsSpan(0, layer.FanOut * d).CopyTo(_jacobian);
        }
        return _values[^1];
    }
}
