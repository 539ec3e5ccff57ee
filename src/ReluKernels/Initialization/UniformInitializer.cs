namespace ReluKernels;

/// <summary>
/// Symmetric uniform initialisation: every weight i.i.d. U[−a, a) with a half-width that depends on the layer; biases 0.
/// Draw order: per layer, W row-major. A weight is <c>a·(2u − 1)</c> with u the stream's [0, 1) uniform.
/// </summary>
/// <remarks>Allocation-free.</remarks>
public sealed class UniformInitializer : LayerInitializer
{
    private readonly Func<LayerShape, double> _halfWidth;
    private readonly string _name;

    private UniformInitializer(Func<LayerShape, double> halfWidth, string name)
    {
        _halfWidth = halfWidth;
        _name = name;
    }

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
        biases.Clear();
    }

    /// <inheritdoc/>
    public override string ToString() => _name;
}
