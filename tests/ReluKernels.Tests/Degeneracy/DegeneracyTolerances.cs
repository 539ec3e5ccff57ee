namespace ReluKernels.Tests.Degeneracy;

/// <summary>The tolerances of the degeneracy tests, each derived from the rounding it has to absorb.</summary>
public static class DegeneracyTolerances
{
    /// <summary>
    /// A transformed network against the original, relative to 1 + the largest |output| on the domain. A transform
    /// changes each parameter by a few roundings (λ·w, w/λ, a sum c_i + λc_j: relative 2–3ε), and a forward pass of
    /// depth ≤ 4 and width ≤ 12 accumulates about depth·(width + 1)·ε ≈ 6e-15 of the sum of |terms|, which for these
    /// He-initialised networks is within ~100× of the output: ~1e-12. 1e-9 is far above that and far below any real
    /// change (a lost or wrongly merged neuron moves the output by O(0.1)).
    /// </summary>
    public const double Realisation = 1e-9;

    /// <summary>
    /// Slopes of the two realisations on each piece, relative to 1 + the largest |slope|: values at the breakpoints carry
    /// ~1e-15 relative error and pieces are at least 16ε·r wide, but the slopes come from each network's own pieces,
    /// whose ends are computed crossings of comparable accuracy; 1e-6 leaves room for pieces a thousand times narrower
    /// than the domain's rounding grid would suggest.
    /// </summary>
    public const double Slope = 1e-6;

    /// <summary>A distance that is 0 in exact arithmetic, for O(1) parameters: a few roundings of a rescaling, 1e-12.</summary>
    public const double ZeroDistance = 1e-12;
}
