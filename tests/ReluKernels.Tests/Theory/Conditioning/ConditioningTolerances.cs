namespace ReluKernels.Tests.Theory.Conditioning;

/// <summary>Every tolerance of the conditioning tests, each with where it comes from.</summary>
internal static class ConditioningTolerances
{
    /// <summary>Normalisation to 1e-12, as the issue asks: the library's quadrature is good to ~1e-15 on these integrands.</summary>
    public const double Normalisation = 1e-12;

    /// <summary>
    /// Library quadrature against independent adaptive Gauss–Kronrod (TheoryAssert.Integrate, relative 1e-13) or against
    /// a closed form: both sides are good to ~1e-13 on O(1) integrands, so 1e-11 leaves two digits of room.
    /// </summary>
    public const double Quadrature = 1e-11;

    /// <summary>
    /// Nested quadrature of σ̂ near ρ = ±1, where the inner Gaussian narrows to width √(1 − ρ²) ≈ 0.14 at ρ = 0.99 and
    /// the kinked integrand loses a couple of digits: 1e-9 (still far below anything the conditioning tables print).
    /// </summary>
    public const double NestedQuadrature = 1e-9;

    /// <summary>Slack for rounding when a bound is checked on a computed sequence (values are O(1), a few ulps each).</summary>
    public const double Rounding = 1e-12;
}
