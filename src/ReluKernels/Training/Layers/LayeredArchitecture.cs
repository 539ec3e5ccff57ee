namespace ReluKernels.Training.Layers;

/// <summary>
/// A fully connected <see cref="NetworkArchitecture"/> whose hidden layers may carry batch or weight normalisation and
/// inverted dropout (Lu, Su &amp; Karniadakis 2019, §5.2), and the layout of its parameter vector.
/// </summary>
/// <remarks>
/// <para><b>Layout.</b> First the plain architecture's parameters, at exactly <see cref="NetworkArchitecture"/>'s offsets
/// (per layer W row-major, then b; under weight normalisation W holds the directions v), so any <see cref="IInitializer"/>
/// fills them. Then, per hidden layer l = 1..Depth in order, the trainable extras: the gains g (weight normalisation) or
/// the scales γ and then the shifts β (batch normalisation), Width values each. Last, the batch-normalisation running
/// statistics, per such layer the running mean and then the running variance: state, not trainable — their gradient is
/// always exactly zero (which every optimiser leaves unchanged) and the training step folds each mini-batch's statistics
/// into them. Keeping them in the vector means a trained network is one span, evaluable on its own.</para>
/// <para>The output layer is always plain (no normalisation, no dropout).</para>
/// </remarks>
public sealed class LayeredArchitecture
{
    /// <summary>Weight of the newest mini-batch in the running statistics (PyTorch's default <c>momentum</c>).</summary>
    public const double BatchNormMomentum = 0.1;

    /// <summary>Added to the variance before the square root (PyTorch's default <c>eps</c>).</summary>
    public const double BatchNormEpsilon = 1e-5;

    private readonly HiddenLayerOptions[] _layers;
    private readonly int[] _gain, _scale, _shift, _runningMean, _runningVariance; // by layer 1..Depth; −1 when absent

    /// <summary>A network whose hidden layer l (1-based) has the options <c>layers[l − 1]</c>.</summary>
    /// <exception cref="ArgumentException">The architecture is default-initialised, or there is not one entry per hidden layer.</exception>
    public LayeredArchitecture(NetworkArchitecture network, IReadOnlyList<HiddenLayerOptions> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (network.Width == 0)
            throw new ArgumentException("The architecture is default-initialised; construct it with its sizes.", nameof(network));
        if (layers.Count != network.Depth)
            throw new ArgumentException($"{network} has {network.Depth} hidden layers; {layers.Count} layer options given.", nameof(layers));
        Network = network;
        _layers = [.. layers];
        foreach (var layer in _layers)
            ArgumentNullException.ThrowIfNull(layer, nameof(layers));
        _gain = Absent(network.Depth);
        _scale = Absent(network.Depth);
        _shift = Absent(network.Depth);
        _runningMean = Absent(network.Depth);
        _runningVariance = Absent(network.Depth);
        int offset = network.ParameterCount, n = network.Width;
        for (int l = 1; l <= network.Depth; l++)
        {
            switch (_layers[l - 1].Normalization)
            {
                case HiddenNormalization.Weight:
                    _gain[l] = offset;
                    offset += n;
                    break;
                case HiddenNormalization.Batch:
                    _scale[l] = offset;
                    _shift[l] = offset + n;
                    offset += 2 * n;
                    break;
            }
        }
        TrainableParameterCount = offset;
        for (int l = 1; l <= network.Depth; l++)
        {
            if (_layers[l - 1].Normalization == HiddenNormalization.Batch)
            {
                _runningMean[l] = offset;
                _runningVariance[l] = offset + n;
                offset += 2 * n;
            }
        }
        ParameterCount = offset;
    }

    /// <summary>The same <paramref name="normalization"/> and <paramref name="dropout"/> on every hidden layer.</summary>
    /// <exception cref="ArgumentException">The dropout rate is not in [0, 1), or the architecture is default-initialised.</exception>
    public static LayeredArchitecture Uniform(NetworkArchitecture network, HiddenNormalization normalization = HiddenNormalization.None, double dropout = 0)
    {
        var layer = new HiddenLayerOptions(normalization, dropout);
        return new LayeredArchitecture(network, [.. Enumerable.Repeat(layer, network.Depth)]);
    }

    /// <summary>The plain network underneath (sizes, bias, activation).</summary>
    public NetworkArchitecture Network { get; }

    /// <summary>The options of each hidden layer, index l − 1 for layer l.</summary>
    public IReadOnlyList<HiddenLayerOptions> Layers => _layers;

    /// <summary>Length of the whole parameter vector, running statistics included.</summary>
    public int ParameterCount { get; }

    /// <summary>Length of its trainable prefix: weights, biases, gains, scales and shifts.</summary>
    public int TrainableParameterCount { get; }

    /// <summary>Whether any hidden layer uses batch normalisation (then a training mini-batch needs two samples or more).</summary>
    public bool HasBatchNorm => _layers.Any(l => l.Normalization == HiddenNormalization.Batch);

    /// <summary>The options of hidden layer <paramref name="layer"/> (1..Depth).</summary>
    public HiddenLayerOptions Layer(int layer) => _layers[layer - 1];

    /// <summary>Offset of layer <paramref name="layer"/>'s weight-normalisation gains g, or −1.</summary>
    public int GainOffset(int layer) => _gain[layer];

    /// <summary>Offset of layer <paramref name="layer"/>'s batch-normalisation scales γ, or −1.</summary>
    public int ScaleOffset(int layer) => _scale[layer];

    /// <summary>Offset of layer <paramref name="layer"/>'s batch-normalisation shifts β, or −1.</summary>
    public int ShiftOffset(int layer) => _shift[layer];

    /// <summary>Offset of layer <paramref name="layer"/>'s running means, or −1.</summary>
    public int RunningMeanOffset(int layer) => _runningMean[layer];

    /// <summary>Offset of layer <paramref name="layer"/>'s running variances, or −1.</summary>
    public int RunningVarianceOffset(int layer) => _runningVariance[layer];

    /// <summary>
    /// Sets what an <see cref="IInitializer"/> does not draw, after it filled the plain prefix: g_j = ‖v_j‖ (so the initial
    /// weights are v itself, as PyTorch's <c>weight_norm</c> does), γ = 1, β = 0, running mean 0 and running variance 1.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not <see cref="ParameterCount"/> long.</exception>
    public void CompleteInitialization<T>(Span<T> parameters) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        KernelArguments.RequireLength(parameters.Length, ParameterCount, nameof(parameters));
        var a = Network;
        for (int l = 1; l <= a.Depth; l++)
        {
            int n = a.Width, m = a.LayerInputs(l), w = a.WeightOffset(l);
            if (_gain[l] >= 0)
            {
                for (int j = 0; j < n; j++)
                {
                    T sum = T.Zero;
                    foreach (var v in parameters.Slice(w + j * m, m))
                        sum += v * v;
                    parameters[_gain[l] + j] = T.Sqrt(sum);
                }
            }
            if (_scale[l] >= 0)
            {
                parameters.Slice(_scale[l], n).Fill(T.One);
                parameters.Slice(_shift[l], n).Clear();
                parameters.Slice(_runningMean[l], n).Clear();
                parameters.Slice(_runningVariance[l], n).Fill(T.One);
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var names = _layers.Select(Describe).ToArray();
        return $"{Network} [{(names.Distinct().Count() == 1 ? names[0] : string.Join(" | ", names))}]";
    }

    private static string Describe(HiddenLayerOptions layer)
    {
        string norm = layer.Normalization switch
        {
            HiddenNormalization.Batch => "BN",
            HiddenNormalization.Weight => "WN",
            _ => "",
        };
        string dropout = layer.Dropout > 0 ? FormattableString.Invariant($"dropout {layer.Dropout}") : "";
        return (norm, dropout) switch
        {
            ("", "") => "plain",
            (_, "") => norm,
            ("", _) => dropout,
            _ => $"{norm}+{dropout}",
        };
    }

    private static int[] Absent(int depth)
    {
        var offsets = new int[depth + 1];
        Array.Fill(offsets, -1);
        return offsets;
    }
}
