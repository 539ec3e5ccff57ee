namespace ReluKernels.Conditioning;

/// <summary>
/// The initialisation of the depth-training check: the paper's NTK-parameterised network (every weight N(0, 1), layers
/// after the first scaled by 1/√width, output v·φ/√width; Agarwal, Awasthi &amp; Kale 2021, network (1)) written in the
/// kernels' standard parameterisation. Layer 1: W ~ N(0, 1), so that a unit input gives N(0, 1) pre-activations as in the
/// paper (not N(0, 1/d), which would leave NormReLU_b's kink at b ≈ −1.59 almost never reached); hidden layers 2..L:
/// W ~ N(0, g/width); output: N(0, 1/width). No biases.
/// </summary>
/// <remarks>
/// g = 1 for the normalised activations (E σ(X)² = 1), which makes the forward pass at initialisation the paper's random
/// function exactly. Plain ReLU is not normalised: with g = 1 its signal would halve layer by layer, so it gets He's g = 2,
/// the variance-preserving choice (the paper's Sec. 3.4 relaxes normalisation to this second-moment condition).
/// </remarks>
/// <param name="Gain2">g, the hidden layers' variance numerator.</param>
/// <param name="Depth">Hidden layers L of the networks it initialises (layer L + 1 is the output).</param>
public sealed class DepthTrainingInitializer(double Gain2, int Depth) : LayerInitializer
{
    /// <summary>g, the hidden layers' variance numerator.</summary>
    public double Gain2 { get; } = Gain2 > 0 && double.IsFinite(Gain2) ? Gain2
        : throw new ArgumentOutOfRangeException(nameof(Gain2), Gain2, "The variance numerator must be positive and finite.");

    /// <summary>Hidden layers L.</summary>
    public int Depth { get; } = Depth >= 1 ? Depth : throw new ArgumentOutOfRangeException(nameof(Depth), Depth, "The depth must be at least 1.");

    /// <summary>Var W of layer <paramref name="layer"/>: 1 (layer 1), g/fan_in (hidden), 1/fan_in (output).</summary>
    public double WeightVariance(LayerShape layer) =>
        layer.Layer == 1 ? 1 : layer.Layer <= Depth ? Gain2 / layer.FanIn : 1.0 / layer.FanIn;

    /// <inheritdoc/>
    protected override void InitializeLayer<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng)
    {
        InitDraw.Normal(weights, Math.Sqrt(WeightVariance(layer)), ref rng);
        biases.Clear();
    }

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"W1 ~ N(0, 1), W2..W{Depth} ~ N(0, {Gain2}/width), output ~ N(0, 1/width), b = 0");
}
