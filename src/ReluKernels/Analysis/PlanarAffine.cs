namespace ReluKernels.Analysis;

/// <summary>An affine function of a 2-D input, <c>f(x, y) = Dx·x + Dy·y + Offset</c>.</summary>
/// <param name="Dx">∂f/∂x.</param>
/// <param name="Dy">∂f/∂y.</param>
/// <param name="Offset">f(0, 0).</param>
public readonly record struct PlanarAffine(double Dx, double Dy, double Offset)
{
    /// <summary>Whether the gradient is exactly zero (the function is constant).</summary>
    public bool IsConstant => Dx == 0 && Dy == 0;

    /// <summary>Whether the function is identically zero (−0 counts as 0).</summary>
    public bool IsZero => IsConstant && Offset == 0;

    /// <summary>
    /// f(<paramref name="p"/>) = FusedMultiplyAdd(Dy, y, FusedMultiplyAdd(Dx, x, Offset)): for a first layer (Dx, Dy,
    /// Offset) = (W[j, 0], W[j, 1], b_j), the generic kernel's order, so its value equals a forward pass bit for bit.
    /// </summary>
    public double At(PlanarPoint p) => Math.FusedMultiplyAdd(Dy, p.Y, Math.FusedMultiplyAdd(Dx, p.X, Offset));
}
