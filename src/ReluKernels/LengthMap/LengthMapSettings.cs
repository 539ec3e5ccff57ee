namespace ReluKernels.LengthMap;

/// <summary>The scale of one length-map simulation.</summary>
/// <param name="Width">Neurons N per layer, 1..<see cref="ShapeLimits.MaxRuntimeWidth"/>; the input x⁰ = (1, …, 1) has N entries too, so q⁰ = 1.</param>
/// <param name="Depth">Layers L, 1..<see cref="ShapeLimits.MaxDepth"/>.</param>
/// <param name="BiasStd">σ_b ≥ 0: biases are N(0, σ_b²) in every layer (0: no bias).</param>
/// <param name="Trials">Independent random networks, ≥ 2 (network i draws from stream i of <paramref name="Seed"/>).</param>
/// <param name="Seed">Seed of the counter-based streams.</param>
/// <param name="Threads">Worker threads; the results do not depend on it.</param>
public sealed record LengthMapSettings(int Width, int Depth, double BiasStd, int Trials, ulong Seed, int Threads)
{
    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 1, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Width, ShapeLimits.MaxRuntimeWidth, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfLessThan(Depth, 1, nameof(Depth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Depth, ShapeLimits.MaxDepth, nameof(Depth));
        if (!(BiasStd >= 0) || double.IsInfinity(BiasStd))
            throw new ArgumentOutOfRangeException(nameof(BiasStd), BiasStd, "σ_b must be non-negative and finite.");
        ArgumentOutOfRangeException.ThrowIfLessThan(Trials, 2, nameof(Trials));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
    }
}
