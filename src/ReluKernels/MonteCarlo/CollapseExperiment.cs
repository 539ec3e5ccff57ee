namespace ReluKernels.MonteCarlo;

/// <summary>
/// One cell of a collapse study: random networks with input dimension 1, <see cref="Depth"/> hidden ReLU layers of
/// <see cref="Width"/> neurons (the paper's "L layers, the last also ReLU", Lu et al. Fig. 6A), on Ω = [−r, r].
/// A trial draws one network and records whether some hidden layer is identically zero on Ω (collapse, docs/definitions.md),
/// the first such layer, and whether the last hidden layer is the zero vector at the input <see cref="Probe"/>.
/// </summary>
public sealed record CollapseExperiment
{
    /// <summary>Largest depth a Monte-Carlo run accepts (no generated kernel is needed, so this exceeds <see cref="ShapeLimits.MaxDepth"/>).</summary>
    public const int MaxDepth = 100_000;

    /// <summary>Creates a cell; throws <see cref="ArgumentOutOfRangeException"/> for values outside the supported ranges.</summary>
    public CollapseExperiment(int width, int depth, WeightDistribution weights = WeightDistribution.HeNormal,
        double biasStd = 0, double radius = 1, double probe = 1, BiasDistribution bias = BiasDistribution.Normal)
    {
        if (width < ShapeLimits.MinWidth || width > ShapeLimits.MaxWidth)
            throw new ArgumentOutOfRangeException(nameof(width), width, $"The width must be in {ShapeLimits.MinWidth}..{ShapeLimits.MaxWidth}.");
        if (depth < 1 || depth > MaxDepth)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"The depth must be in 1..{MaxDepth}.");
        if (!Enum.IsDefined(weights))
            throw new ArgumentOutOfRangeException(nameof(weights), weights, "Unknown weight distribution.");
        if (!(biasStd >= 0) || double.IsInfinity(biasStd))
            throw new ArgumentOutOfRangeException(nameof(biasStd), biasStd, "The bias standard deviation must be finite and ≥ 0.");
        if (!(radius > 0) || double.IsInfinity(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The domain radius must be finite and > 0.");
        if (!(Math.Abs(probe) <= radius))
            throw new ArgumentOutOfRangeException(nameof(probe), probe, $"The probe input must lie in [−{radius}, {radius}].");
        if (!Enum.IsDefined(bias))
            throw new ArgumentOutOfRangeException(nameof(bias), bias, "Unknown bias distribution.");
        if (weights == WeightDistribution.Rai && (biasStd != 0 || bias != BiasDistribution.Normal))
            throw new ArgumentOutOfRangeException(nameof(biasStd), biasStd, "RAI draws the biases itself (one row [W, b] at a time); give no bias scale or bias distribution with it.");
        if (bias != BiasDistribution.Normal && biasStd == 0)
            throw new ArgumentOutOfRangeException(nameof(biasStd), biasStd, $"{bias} biases need a scale σ_b > 0.");
        if (biasStd == 0 && weights != WeightDistribution.Rai && probe == 0)
            throw new ArgumentOutOfRangeException(nameof(probe), probe, "Without biases every layer is zero at x = 0; choose a probe ≠ 0.");
        (Width, Depth, Weights, BiasStd, Radius, Probe, Bias) = (width, depth, weights, biasStd, radius, probe, bias);
    }

    /// <summary>Neurons per hidden layer.</summary>
    public int Width { get; }

    /// <summary>Hidden ReLU layers.</summary>
    public int Depth { get; }

    /// <summary>Weight distribution.</summary>
    public WeightDistribution Weights { get; }

    /// <summary>Bias scale σ_b: the standard deviation of N(0, σ_b²), the scale of |N(0, σ_b²)| or the constant (<see cref="Bias"/>); 0 means no biases (or RAI's own).</summary>
    public double BiasStd { get; }

    /// <summary>How the biases are drawn at scale <see cref="BiasStd"/> (ignored without biases and under RAI).</summary>
    public BiasDistribution Bias { get; }

    /// <summary>Half-width r of Ω = [−r, r].</summary>
    public double Radius { get; }

    /// <summary>The input at which the per-input zero probability is measured.</summary>
    public double Probe { get; }

    /// <summary>Whether the networks have biases (RAI always does).</summary>
    public bool HasBias => BiasStd > 0 || Weights == WeightDistribution.Rai;

    /// <summary>
    /// Whether every weight and bias law is symmetric about 0, the hypothesis of Lu et al.'s Theorems 8–10 and the refined
    /// bounds; RAI and positive biases are not, and for them no closed form exists.
    /// </summary>
    public bool IsSymmetric => Weights != WeightDistribution.Rai && (!HasBias || Bias == BiasDistribution.Normal);

    /// <summary>The same experiment with another depth.</summary>
    public CollapseExperiment WithDepth(int depth) => new(Width, depth, Weights, BiasStd, Radius, Probe, Bias);
}
