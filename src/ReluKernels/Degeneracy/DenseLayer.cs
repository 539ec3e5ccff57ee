namespace ReluKernels.Degeneracy;

/// <summary>
/// One affine layer <c>z = W x + b</c> of a <see cref="LayeredNetwork"/>: W row-major <c>[FanOut, FanIn]</c> (row j is
/// neuron j's incoming weight vector) and b of length <see cref="FanOut"/>, or no biases. Immutable: the arrays are
/// copied in and never exposed for writing.
/// </summary>
public sealed class DenseLayer
{
    private readonly double[] _weights;
    private readonly double[] _biases;

    /// <summary>Creates a layer from copies of <paramref name="weights"/> and <paramref name="biases"/>.</summary>
    /// <param name="fanIn">Inputs, at least 1.</param>
    /// <param name="fanOut">Neurons, at least 1 (a zero-width layer is not a network).</param>
    /// <param name="weights"><c>fanOut·fanIn</c> values, row-major.</param>
    /// <param name="biases"><paramref name="fanOut"/> values, or empty for a bias-free layer.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1.</exception>
    /// <exception cref="ArgumentException">A span has the wrong length or a value is not finite.</exception>
    public DenseLayer(int fanIn, int fanOut, ReadOnlySpan<double> weights, ReadOnlySpan<double> biases)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        if (fanOut < 1)
            throw new ArgumentOutOfRangeException(nameof(fanOut), fanOut, "A layer needs at least one neuron (zero-width layers are not allowed).");
        if (weights.Length != fanIn * fanOut)
            throw new ArgumentException($"Expected {fanOut}×{fanIn} = {fanOut * fanIn} weights (row-major [fanOut, fanIn]), got {weights.Length}.", nameof(weights));
        if (biases.Length != 0 && biases.Length != fanOut)
            throw new ArgumentException($"Expected {fanOut} biases (or none), got {biases.Length}.", nameof(biases));
        foreach (double value in weights)
            if (!double.IsFinite(value))
                throw new ArgumentException("Weights must be finite.", nameof(weights));
        foreach (double value in biases)
            if (!double.IsFinite(value))
                throw new ArgumentException("Biases must be finite.", nameof(biases));
        FanIn = fanIn;
        FanOut = fanOut;
        _weights = weights.ToArray();
        _biases = biases.ToArray();
    }

    /// <summary>Inputs of the layer.</summary>
    public int FanIn { get; }

    /// <summary>Neurons of the layer.</summary>
    public int FanOut { get; }

    /// <summary>Whether the layer has biases.</summary>
    public bool HasBias => _biases.Length != 0;

    /// <summary>W row-major <c>[FanOut, FanIn]</c>.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>b, or empty for a bias-free layer.</summary>
    public ReadOnlySpan<double> Biases => _biases;

    /// <summary>Neuron <paramref name="neuron"/>'s incoming weights (row of W), without its bias.</summary>
    public ReadOnlySpan<double> Row(int neuron) => _weights.AsSpan(neuron * FanIn, FanIn);

    /// <summary>W[<paramref name="neuron"/>, <paramref name="input"/>].</summary>
    public double Weight(int neuron, int input) => _weights[neuron * FanIn + input];

    /// <summary>b[<paramref name="neuron"/>], or 0 without biases.</summary>
    public double Bias(int neuron) => HasBias ? _biases[neuron] : 0;

    /// <summary>
    /// ‖(w_j, b_j)‖_∞ of neuron <paramref name="neuron"/>: the largest |incoming weight|, its bias included when the
    /// layer has biases (the vector that rebalancing scales).
    /// </summary>
    public double IncomingNorm(int neuron)
    {
        double norm = HasBias ? Math.Abs(_biases[neuron]) : 0;
        foreach (double w in Row(neuron))
            norm = Math.Max(norm, Math.Abs(w));
        return norm;
    }

    /// <summary>‖W[:, input]‖_∞: the largest |weight| leaving input <paramref name="input"/> (a previous neuron's outgoing vector).</summary>
    public double ColumnNorm(int input)
    {
        double norm = 0;
        for (int j = 0; j < FanOut; j++)
            norm = Math.Max(norm, Math.Abs(_weights[j * FanIn + input]));
        return norm;
    }
}
