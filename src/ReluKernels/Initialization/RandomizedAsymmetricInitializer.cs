namespace ReluKernels;

/// <summary>
/// Randomized asymmetric initialisation, RAI (Lu, Shin, Su &amp; Karniadakis 2020, "Dying ReLU and initialization",
/// §5): per neuron j of layer l, the row <c>v_j = [W_j, b_j]</c> of fan_in + 1 entries gets one entry, at an index k_j
/// uniform on the row, drawn from the asymmetric law P = Beta(2, 1) (support [0, 1], mean 2/3, second moment 1/2); every
/// other entry is drawn from the symmetric law Q = N(0, σ²/fan_in). The paper's second-moment analysis sets σ ≈ 0.6007.
/// </summary>
/// <remarks>
/// <para>
/// Which reading: the full text of the paper could not be consulted here, so the definition (P = Beta(2, 1) for one
/// entry per row of [W, b], the index uniform over weights <em>and</em> bias, Q = N(0, σ²/fan_in) with σ = 0.6007) is the
/// one every public implementation citing the paper agrees on; the paper's equation numbers are therefore not quoted.
/// The variance of Q divides by fan_in (not fan_in + 1), as those implementations do. Without bias parameters in the
/// architecture the row is <c>W_j</c> alone and k_j is uniform over its fan_in weights (our choice; the paper always has
/// biases). docs/rng-and-initializers.md#rai has the moments the tests check.
/// </para>
/// <para>
/// Draw order per layer: Q-normals for W row-major, then for b (when present), then per row j two [0, 1) uniforms u, u′:
/// k_j = ⌊u·m⌋ (m entries in the row) and the Beta(2, 1) value √u′ (its inverse CDF, since F(x) = x²), which replaces
/// entry k_j. Normals are drawn in the parameter's precision, uniforms in double. Allocation-free.
/// </para>
/// </remarks>
public sealed class RandomizedAsymmetricInitializer : LayerInitializer
{
    /// <summary>σ of the symmetric part from the paper's second-moment analysis (Q = N(0, σ²/fan_in)).</summary>
    public const double PaperSigma = 0.6007;

    /// <summary>Creates the initializer with Q = N(0, <paramref name="sigma"/>²/fan_in).</summary>
    /// <param name="sigma">σ &gt; 0 of the symmetric part.</param>
    public RandomizedAsymmetricInitializer(double sigma = PaperSigma)
    {
        if (!(sigma > 0) || double.IsInfinity(sigma))
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be positive and finite.");
        Sigma = sigma;
    }

    /// <summary>The paper's choice: P = Beta(2, 1), Q = N(0, 0.6007²/fan_in).</summary>
    public static RandomizedAsymmetricInitializer Default { get; } = new();

    /// <summary>σ of the symmetric part Q = N(0, σ²/fan_in).</summary>
    public double Sigma { get; }

    /// <summary>Mean of the asymmetric law P = Beta(2, 1): 2/3.</summary>
    public const double AsymmetricMean = 2.0 / 3;

    /// <summary>Raw moment E[ξʳ] = 2/(r + 2) of ξ ~ Beta(2, 1).</summary>
    public static double AsymmetricRawMoment(int r) => 2.0 / (r + 2);

    /// <summary>Variance σ²/fan_in of the symmetric entries of a layer with <paramref name="layer"/>'s shape.</summary>
    public double SymmetricVariance(LayerShape layer) => Sigma * Sigma / layer.FanIn;

    /// <inheritdoc/>
    protected override void InitializeLayer<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng)
    {
        double sd = Math.Sqrt(SymmetricVariance(layer));
        InitDraw.Normal(weights, sd, ref rng);
        if (layer.HasBias)
            InitDraw.Normal(biases, sd, ref rng);
        int entries = layer.FanIn + (layer.HasBias ? 1 : 0);
        for (int j = 0; j < layer.FanOut; j++)
        {
            int k = Math.Min((int)(rng.NextDouble() * entries), entries - 1);
            T asymmetric = T.CreateTruncating(Math.Sqrt(rng.NextDouble()));
            if (k < layer.FanIn)
                weights[j * layer.FanIn + k] = asymmetric;
            else
                biases[j] = asymmetric;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"RAI(P = Beta(2, 1), Q = N(0, {Sigma}²/fan_in))";
}
