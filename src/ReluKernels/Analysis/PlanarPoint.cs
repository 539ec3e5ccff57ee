namespace ReluKernels.Analysis;

/// <summary>A point (x₁, x₂) of a 2-D input domain.</summary>
/// <param name="X">First coordinate.</param>
/// <param name="Y">Second coordinate.</param>
public readonly record struct PlanarPoint(double X, double Y);
