using System.Numerics;

namespace ReluKernels;

/// <summary>How a Gaussian initializer treats biases.</summary>
public enum BiasMode
{
    /// <summary>b = 0; W ~ N(0, g/fan_in).</summary>
    Zero = 0,

    /// <summary>
    /// <c>[W_j, b_j]</c> ~ N(0, g/(fan_in + 1)) i.i.d.: the bias counts as one more input (Shin &amp; Karniadakis 2020, §5, "He with bias":
    /// <c>[W¹, b¹] ~ N(0, 2/(d_in + 1))</c>). Without bias parameters in the architecture this is the same as <see cref="Zero"/>.
    /// </summary>
    Joint = 1,

    /// <summary>W ~ N(0, g/fan_in), b ~ N(0, σ_b²) with σ_b² given explicitly (Shin &amp; Karniadakis 2020, eq. 2, "normal with bias").</summary>
    Independent = 2,
}

/// <summary>
/// Gaussian initialisation: every weight i.i.d. N(0, g/fan_in) (g = <see cref="Gain2"/>), biases per <see cref="Bias"/>.
/// Draw order: per layer, W row-major, then b (only when b is random).
/// </summary>
/// <remarks>
/// He normal (He et al. 2015; Shin &amp; Karniadakis 2020, eq. 2 with σ² = 2/n_t): g = 2. LeCun normal (LeCun et al. 1998): g = 1.
/// Allocation-free.
/// </remarks>
public sealed class NormalInitializer : LayerInitializer
{
    /// <summary>Creates a Gaussian initializer.</summary>
    /// <param name="gain2">Variance numerator g: Var(W) = g/fan_in (or g/(fan_in + 1) for <see cref="BiasMode.Joint"/>).</param>
    /// <param name="bias">Bias treatment.</param>
    /// <param name="biasVariance">σ_b² for <see cref="BiasMode.Independent"/>; ignored otherwise.</param>
    public NormalInitializer(double gain2, BiasMode bias = BiasMode.Zero, double biasVariance = 0)
    {
        if (!(gain2 > 0) || double.IsInfinity(gain2))
            throw new ArgumentOutOfRangeException(nameof(gain2), gain2, "The variance numerator must be positive and finite.");
        if (!(biasVariance >= 0) || double.IsInfinity(biasVariance))
            throw new ArgumentOutOfRangeException(nameof(biasVariance), biasVariance, "The bias variance must be non-negative and finite.");
        Gain2 = gain2;
        Bias = bias;
        BiasVariance = biasVariance;
    }

    /// <summary>He normal without bias: W ~ N(0, 2/fan_in), b = 0.</summary>
    public static NormalInitializer HeWithoutBias { get; } = new(2);

    /// <summary>He normal with bias as in Shin &amp; Karniadakis 2020, §5: [W, b] ~ N(0, 2/(fan_in + 1)).</summary>
    public static NormalInitializer HeWithBias { get; } = new(2, BiasMode.Joint);

    /// <summary>He-normal weights N(0, 2/fan_in) with biases N(0, σ_b²) (Shin &amp; Karniadakis 2020, eq. 2).</summary>
    public static NormalInitializer He(double biasVariance) => new(2, BiasMode.Independent, biasVariance);

    /// <summary>LeCun normal: W ~ N(0, 1/fan_in), b = 0.</summary>
    public static NormalInitializer LeCun { get; } = new(1);

    /// <summary>Variance numerator g.</summary>
    public double Gain2 { get; }

    /// <summary>Bias treatment.</summary>
    public BiasMode Bias { get; }

    /// <summary>σ_b² for <see cref="BiasMode.Independent"/>.</summary>
    public double BiasVariance { get; }

    /// <summary>Variance of the weights of a layer with <paramref name="layer"/>'s shape.</summary>
    public double WeightVariance(LayerShape layer) =>
        Bias == BiasMode.Joint && layer.HasBias ? Gain2 / (layer.FanIn + 1) : Gain2 / layer.FanIn;

    /// <summary>Variance of the biases of a layer with <paramref name="layer"/>'s shape (0 when they are zero).</summary>
    public double BiasVarianceOf(LayerShape layer) => !layer.HasBias ? 0 : Bias switch
    {
        BiasMode.Joint => Gain2 / (layer.FanIn + 1),
        BiasMode.Independent => BiasVariance,
        _ => 0,
    };

    /// <inheritdoc/>
    protected override void InitializeLayer<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng)
    {
        InitDraw.Normal(weights, Math.Sqrt(WeightVariance(layer)), ref rng);
        double biasVariance = BiasVarianceOf(layer);
        if (biasVariance > 0)
            InitDraw.Normal(biases, Math.Sqrt(biasVariance), ref rng);
        else
            biases.Clear();
    }

    /// <inheritdoc/>
    public override string ToString() => Bias switch
    {
        BiasMode.Joint => $"Normal([W,b] ~ N(0, {Gain2}/(fan_in+1)))",
        BiasMode.Independent => $"Normal(W ~ N(0, {Gain2}/fan_in), b ~ N(0, {BiasVariance}))",
        _ => $"Normal(W ~ N(0, {Gain2}/fan_in), b = 0)",
    };
}
