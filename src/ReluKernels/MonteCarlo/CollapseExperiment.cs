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
        double biasStd = 0, double radius = 1, double probe = 1)
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
        if (biasStd == 0 && probe == 0)
            throw new ArgumentOutOfRangeException(nameof(probe), probe, "Without biases every layer is zero at x = 0; choose a probe ≠ 0.");
        (Width, Depth, Weights, BiasStd, Radius, Probe) = (width, depth, weights, biasStd, radius, probe);
    }

    /// <summary>Neurons per hidden layer.</summary>
    public int Width { get; }

    /// <summary>Hidden ReLU layers.</summary>
    public int Depth { get; }

    /// <summary>Weight distribution.</summary>
    public WeightDistribution Weights { get; }

    /// <summary>Standard deviation σ_b of the N(0, σ_b²) biases; 0 means no biases.</summary>
    public double BiasStd { get; }

    /// <summary>Half-width r of Ω = [−r, r].</summary>
    public double Radius { get; }

    /// <summary>The input at which the per-input zero probability is measured.</summary>
    public double Probe { get; }

    /// <summary>Whether the networks have biases.</summary>
    public bool HasBias => BiasStd > 0;

    /// <summary>The same experiment with another depth.</summary>
    public CollapseExperiment WithDepth(int depth) => new(Width, depth, Weights, BiasStd, Radius, Probe);
}
