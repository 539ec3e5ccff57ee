using System.Collections.ObjectModel;

namespace ReluKernels.Degeneracy;

/// <summary>
/// A fully connected ReLU network whose hidden layers may have different widths: the representation the degeneracy
/// transforms work on, because merging or removing neurons changes one layer's width and <see cref="NetworkArchitecture"/>
/// has one width for all. Convert from the flat parameter layout with <see cref="FromParameters"/> and back with
/// <see cref="TryGetArchitecture"/> and <see cref="ToParameters"/> when the widths are equal again. Immutable.
/// </summary>
/// <remarks>
/// Layers 1..<see cref="Depth"/> are hidden (ReLU), the last one is the output layer (ReLU only when
/// <see cref="OutputActivation"/>). Either every layer has biases or none has (<see cref="HasBias"/>), as in
/// <see cref="NetworkArchitecture"/>.
/// </remarks>
public sealed class LayeredNetwork
{
    private readonly DenseLayer[] _layers;

    /// <summary>Chains <paramref name="layers"/> (hidden layers, then the output layer).</summary>
    /// <exception cref="ArgumentException">Fewer than two layers, a layer's FanIn differs from the previous FanOut, or biases are mixed.</exception>
    public LayeredNetwork(IReadOnlyList<DenseLayer> layers, bool outputActivation = false)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count < 2)
            throw new ArgumentException($"A network needs at least one hidden layer and an output layer, got {layers.Count} layers.", nameof(layers));
        for (int l = 0; l < layers.Count; l++)
        {
            ArgumentNullException.ThrowIfNull(layers[l], nameof(layers));
            if (l > 0 && layers[l].FanIn != layers[l - 1].FanOut)
                throw new ArgumentException($"Layer {l + 1} has FanIn {layers[l].FanIn} but layer {l} has {layers[l - 1].FanOut} neurons.", nameof(layers));
            if (layers[l].HasBias != layers[0].HasBias)
                throw new ArgumentException("Either every layer has biases or none has.", nameof(layers));
        }
        _layers = [.. layers];
        Layers = Array.AsReadOnly(_layers);
        OutputActivation = outputActivation;
    }

    /// <summary>Layers 1..<see cref="Depth"/> + 1 (index 0 is hidden layer 1; the last is the output layer).</summary>
    public ReadOnlyCollection<DenseLayer> Layers { get; }

    /// <summary>Number of hidden layers.</summary>
    public int Depth => _layers.Length - 1;

    /// <summary>Input dimension.</summary>
    public int InputDim => _layers[0].FanIn;

    /// <summary>Output dimension.</summary>
    public int OutputDim => _layers[^1].FanOut;

    /// <summary>Whether the layers have biases.</summary>
    public bool HasBias => _layers[0].HasBias;

    /// <summary>Whether the output layer applies ReLU.</summary>
    public bool OutputActivation { get; }

    /// <summary>Hidden layer <paramref name="layer"/> (1-based): its incoming weights and biases.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is not in 1..<see cref="Depth"/>.</exception>
    public DenseLayer Hidden(int layer)
    {
        if (layer < 1 || layer > Depth)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layer must be a hidden layer, 1..{Depth}.");
        return _layers[layer - 1];
    }

    /// <summary>The layer after hidden layer <paramref name="layer"/>: its columns are that layer's outgoing weight vectors.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is not in 1..<see cref="Depth"/>.</exception>
    public DenseLayer Next(int layer)
    {
        _ = Hidden(layer);
        return _layers[layer];
    }

    /// <summary>Widths of hidden layers 1..<see cref="Depth"/>.</summary>
    public int[] HiddenWidths()
    {
        var widths = new int[Depth];
        for (int l = 0; l < Depth; l++)
            widths[l] = _layers[l].FanOut;
        return widths;
    }

    /// <summary>|Θ|_∞: the largest absolute parameter.</summary>
    public double MaxAbsParameter()
    {
        double max = 0;
        foreach (var layer in _layers)
        {
            foreach (double w in layer.Weights)
                max = Math.Max(max, Math.Abs(w));
            foreach (double b in layer.Biases)
                max = Math.Max(max, Math.Abs(b));
        }
        return max;
    }

    /// <summary>Splits a flat parameter span (the layout of <see cref="NetworkArchitecture"/>) into layers.</summary>
    /// <exception cref="ArgumentException">A default or non-ReLU architecture, a span of the wrong length, or a non-finite parameter.</exception>
    public static LayeredNetwork FromParameters(NetworkArchitecture architecture, ReadOnlySpan<double> parameters)
    {
        Analysis.AnalysisArguments.CheckNetwork(architecture, parameters.Length);
        var layers = new DenseLayer[architecture.LayerCount];
        for (int l = 1; l <= architecture.LayerCount; l++)
            layers[l - 1] = new DenseLayer(architecture.LayerInputs(l), architecture.LayerOutputs(l),
                Analysis.AnalysisArguments.Weights(architecture, parameters, l), Analysis.AnalysisArguments.Biases(architecture, parameters, l));
        return new LayeredNetwork(layers, architecture.OutputActivation);
    }

    /// <summary>The <see cref="NetworkArchitecture"/> of this network, when all hidden widths are equal.</summary>
    public bool TryGetArchitecture(out NetworkArchitecture architecture)
    {
        int width = _layers[0].FanOut;
        for (int l = 1; l < Depth; l++)
        {
            if (_layers[l].FanOut != width)
            {
                architecture = default;
                return false;
            }
        }
        architecture = new NetworkArchitecture(width, Depth, InputDim, OutputDim, HasBias, OutputActivation);
        return true;
    }

    /// <summary>The flat parameters in the layout of <see cref="NetworkArchitecture"/> (see <see cref="TryGetArchitecture"/>).</summary>
    /// <exception cref="InvalidOperationException">The hidden widths differ, so no <see cref="NetworkArchitecture"/> describes the network.</exception>
    public double[] ToParameters()
    {
        if (!TryGetArchitecture(out var architecture))
            throw new InvalidOperationException($"Hidden widths [{string.Join(", ", HiddenWidths())}] differ; no NetworkArchitecture describes this network.");
        var parameters = new double[architecture.ParameterCount];
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            _layers[l - 1].Weights.CopyTo(parameters.AsSpan(architecture.WeightOffset(l)));
            _layers[l - 1].Biases.CopyTo(parameters.AsSpan(architecture.BiasOffset(l)));
        }
        return parameters;
    }

    /// <summary>Whether <paramref name="other"/> has the same input and output dimensions, hidden widths, biases and output activation.</summary>
    public bool HasSameShape(LayeredNetwork other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return InputDim == other.InputDim && OutputDim == other.OutputDim && HasBias == other.HasBias
            && OutputActivation == other.OutputActivation && HiddenWidths().AsSpan().SequenceEqual(other.HiddenWidths());
    }

    /// <summary>The shape, e.g. <c>1→[3, 2]→1</c> with " no-bias" and " out-act" as for <see cref="NetworkArchitecture"/>.</summary>
    public override string ToString() =>
        $"{InputDim}→[{string.Join(", ", HiddenWidths())}]→{OutputDim}{(HasBias ? "" : " no-bias")}{(OutputActivation ? " out-act" : "")}";
}
