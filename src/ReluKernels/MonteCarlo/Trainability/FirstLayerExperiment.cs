namespace ReluKernels.MonteCarlo.Trainability;

/// <summary>
/// The first hidden layer of a network on the ball Ω = B_r(0) ⊂ ℝ^d (Shin &amp; Karniadakis 2020, §2–3): <see cref="Width"/> neurons
/// φ(wᵀx + b) with (W, b) drawn by <see cref="Initializer"/>; the question is how many are active (not constant on Ω).
/// </summary>
/// <remarks>
/// Detection is exact for every d: the largest pre-activation on the closed ball is b + r‖w‖, so a neuron is dead
/// (identically 0 on Ω) exactly when b + r‖w‖ ≤ 0 (w = 0 has probability 0). No sampling of Ω is involved.
/// </remarks>
public sealed record FirstLayerExperiment
{
    /// <summary>Largest input dimension accepted.</summary>
    public const int MaxInputDim = 4096;

    /// <summary>Largest width accepted.</summary>
    public const int MaxWidth = 100_000;

    /// <summary>Creates and validates an experiment.</summary>
    /// <param name="inputDim">d ≥ 1.</param>
    /// <param name="width">Neurons n ≥ 1.</param>
    /// <param name="radius">r &gt; 0, finite.</param>
    /// <param name="initializer">Draws (W, b); default He normal with bias, [W, b] ~ N(0, 2/(d + 1)) — Shin &amp; Karniadakis's "normal with bias".</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or the radius is out of range.</exception>
    public FirstLayerExperiment(int inputDim, int width, double radius = 1, LayerInitializer? initializer = null)
    {
        if (inputDim < 1 || inputDim > MaxInputDim)
            throw new ArgumentOutOfRangeException(nameof(inputDim), inputDim, $"The input dimension d must be in 1..{MaxInputDim}.");
        if (width < 1 || width > MaxWidth)
            throw new ArgumentOutOfRangeException(nameof(width), width, $"The width must be in 1..{MaxWidth}.");
        if (!(radius > 0) || double.IsPositiveInfinity(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius r of Ω = B_r(0) must be positive and finite.");
        (InputDim, Width, Radius, Initializer) = (inputDim, width, radius, initializer ?? NormalInitializer.HeWithBias);
    }

    /// <summary>Input dimension d.</summary>
    public int InputDim { get; }

    /// <summary>Neurons n.</summary>
    public int Width { get; }

    /// <summary>Radius r of Ω = B_r(0).</summary>
    public double Radius { get; }

    /// <summary>How (W, b) are drawn.</summary>
    public LayerInitializer Initializer { get; }

    /// <summary>The layer as the initializer sees it.</summary>
    public LayerShape Shape => new(1, InputDim, Width, HasBias: true);
}
