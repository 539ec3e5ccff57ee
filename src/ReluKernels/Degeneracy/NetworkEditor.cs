namespace ReluKernels.Degeneracy;

/// <summary>
/// A mutable copy of a <see cref="LayeredNetwork"/> for the transforms: per layer, one array per neuron holding its
/// incoming weights, and its bias. Neuron-level edits keep the next layer's columns in step; <see cref="Build"/> makes a
/// new immutable network, so the input network is never changed.
/// </summary>
internal sealed class NetworkEditor
{
    private readonly List<List<double[]>> _rows = []; // _rows[l][j]: incoming weights of neuron j of layer l (0-based layers)
    private readonly List<List<double>> _biases = [];
    private readonly bool _hasBias;
    private readonly bool _outputActivation;

    public NetworkEditor(LayeredNetwork network)
    {
        _hasBias = network.HasBias;
        _outputActivation = network.OutputActivation;
        foreach (var layer in network.Layers)
        {
            var rows = new List<double[]>(layer.FanOut);
            var biases = new List<double>(layer.FanOut);
            for (int j = 0; j < layer.FanOut; j++)
            {
                rows.Add(layer.Row(j).ToArray());
                biases.Add(layer.Bias(j));
            }
            _rows.Add(rows);
            _biases.Add(biases);
        }
    }

    /// <summary>Neurons of hidden layer <paramref name="layer"/> (1-based).</summary>
    public int Width(int layer) => _rows[layer - 1].Count;

    /// <summary>Multiplies neuron j's incoming weights and bias by λ &gt; 0 and its outgoing weights by 1/λ (the function is unchanged).</summary>
    public void Rescale(int layer, int neuron, double lambda)
    {
        var row = _rows[layer - 1][neuron];
        for (int i = 0; i < row.Length; i++)
            row[i] *= lambda;
        _biases[layer - 1][neuron] *= lambda;
        foreach (var next in _rows[layer])
            next[neuron] /= lambda;
    }

    /// <summary>Adds λ times neuron <paramref name="source"/>'s outgoing weights to neuron <paramref name="target"/>'s.</summary>
    public void AddOutgoing(int layer, int target, int source, double lambda)
    {
        foreach (var next in _rows[layer])
            next[target] += lambda * next[source];
    }

    /// <summary>Adds <paramref name="value"/> times neuron j's outgoing weights to the next layer's biases (a constant output folded in).</summary>
    public void FoldConstant(int layer, int neuron, double value)
    {
        var biases = _biases[layer];
        for (int k = 0; k < biases.Count; k++)
            biases[k] += value * _rows[layer][k][neuron];
    }

    /// <summary>Sets neuron j's outgoing weights to 0.</summary>
    public void ClearOutgoing(int layer, int neuron)
    {
        foreach (var next in _rows[layer])
            next[neuron] = 0;
    }

    /// <summary>Removes neuron j of hidden layer <paramref name="layer"/> and its column of the next layer.</summary>
    public void Remove(int layer, int neuron)
    {
        _rows[layer - 1].RemoveAt(neuron);
        _biases[layer - 1].RemoveAt(neuron);
        var next = _rows[layer];
        for (int k = 0; k < next.Count; k++)
            next[k] = [.. next[k].AsSpan(0, neuron), .. next[k].AsSpan(neuron + 1)];
    }

    public LayeredNetwork Build()
    {
        var layers = new DenseLayer[_rows.Count];
        for (int l = 0; l < _rows.Count; l++)
        {
            var rows = _rows[l];
            int fanIn = rows[0].Length;
            var weights = new double[rows.Count * fanIn];
            for (int j = 0; j < rows.Count; j++)
                rows[j].CopyTo(weights, j * fanIn);
            layers[l] = new DenseLayer(fanIn, rows.Count, weights, _hasBias ? [.. _biases[l]] : []);
        }
        return new LayeredNetwork(layers, _outputActivation);
    }
}
