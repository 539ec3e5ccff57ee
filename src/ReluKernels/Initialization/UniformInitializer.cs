namespace ReluKernels;

/// <summary>
/// Symmetric uniform initialisation: every weight i.i.d. U[−a, a) with a half-width that depends on the layer; biases 0,
/// except for <see cref="PyTorchDefault"/>, whose biases are uniform too. Draw order: per layer, W row-major, then b when
/// it is random. A value is <c>a·(2u − 1)</c> with u the stream's [0, 1) uniform.
/// </summary>
/// <remarks>Allocation-free.</remarks>
public sealed class UniformInitializer : LayerInitializer
{
    private readonly Func<LayerShape, double> _halfWidth;
    private readonly string _name;
    private readonly bool _uniformBiases;

    private UniformInitializer(Func<LayerShape, double> halfWidth, string name, bool uniformBiases = false)
    {
        _halfWidth = halfWidth;
        _name = name;
        _uniformBiases = uniformBiases;
    }

    /// <summary>
    /// PyTorch's <c>nn.Linear</c> default ("Kaiming uniform" with a = √5): weights and biases i.i.d. U[−1/√fan_in, 1/√fan_in),
    /// so Var(W) = 1/(3 fan_in). The baseline of Milkert et al. (2023).
    /// </summary>
    public static UniformInitializer PyTorchDefault { get; } = new(l => 1 / Math.Sqrt(l.FanIn), "PyTorchDefault", uniformBiases: true);

    /// <summary>Glorot (Xavier) uniform (Glorot and Bengio 2010): a = √(6/(fan_in + fan_out)), Var = 2/(fan_in + fan_out).</summary>
    public static UniformInitializer Glorot { get; } = new(l => Math.Sqrt(6.0 / (l.FanIn + l.FanOut)), "GlorotUniform");

    /// <summary>He uniform: a = √(6/fan_in), so Var = a²/3 = 2/fan_in, the He-normal variance. The default symmetric choice.</summary>
    public static UniformInitializer HeUniform { get; } = new(l => Math.Sqrt(6.0 / l.FanIn), "HeUniform");

    /// <summary>U[−a, a) with the same <paramref name="halfWidth"/> a in every layer.</summary>
    public static UniformInitializer Symmetric(double halfWidth)
    {
        if (!(halfWidth > 0) || double.IsInfinity(halfWidth))
            throw new ArgumentOutOfRangeException(nameof(halfWidth), halfWidth, "The half-width must be positive and finite.");
        return new(_ => halfWidth, $"Uniform(±{halfWidth})");
    }

    /// <summary>The half-width a of a layer with <paramref name="layer"/>'s shape.</summary>
    public double HalfWidth(LayerShape layer) => _halfWidth(layer);

    /// <inheritdoc/>
    protected override void InitializeLayer<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng)
    {
        InitDraw.Symmetric(weights, HalfWidth(layer), ref rng);
        if (_uniformBiases)
            InitDraw.Symmetric(biases, HalfWidth(layer), ref rng);
        else
            biases.Clear();
    }

    /// <inheritdoc/>
    public override string ToString() => _name;
}
