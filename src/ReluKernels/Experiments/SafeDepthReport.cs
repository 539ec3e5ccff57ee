namespace ReluKernels.Experiments;

/// <summary>
/// The largest depth whose collapse probability stays below <see cref="P"/> for one width, from simulation beside
/// Eq. (5) of Lu et al. (Fig. 6B). Property names are the JSON field names.
/// </summary>
public sealed record SafeDepthReport
{
    /// <summary>Neurons per hidden layer.</summary>
    public required int Width { get; init; }
    /// <summary>The collapse probability not to exceed.</summary>
    public required double P { get; init; }
    /// <summary>Networks simulated (to <see cref="SimulatedDepth"/> layers; shallower depths read off the first-dead-layer counts).</summary>
    public required long Trials { get; init; }
    /// <summary>The deepest network simulated.</summary>
    public required int SimulatedDepth { get; init; }
    /// <summary>Largest depth whose Wilson 95% upper end is below p: safe with 95% confidence (0 if even depth 1 is not).</summary>
    public required int SafeDepth { get; init; }
    /// <summary>Largest depth whose point estimate is below p.</summary>
    public required int EstimatedDepth { get; init; }
    /// <summary>
    /// One less than the smallest depth whose Wilson 95% lower end exceeds p: the true safe depth is at most this with 95%
    /// confidence. Null if no simulated depth was confidently above p.
    /// </summary>
    public int? MaxPlausibleDepth { get; init; }
    /// <summary>Eq. (5), ln(1 − p)/ln(1 − 2^−width): the real-valued depth limit of Theorem 8.</summary>
    public required double Equation5 { get; init; }
    /// <summary>⌊Eq. (5)⌋: the largest whole depth Theorem 8 certifies.</summary>
    public required int Equation5Depth { get; init; }
    /// <summary>The engine that ran.</summary>
    public required string Engine { get; init; }
}
