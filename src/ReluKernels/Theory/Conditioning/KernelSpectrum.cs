using MathNet.Numerics.LinearAlgebra;

namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// The conditioning of a symmetric kernel matrix: its extreme eigenvalues (MathNet's symmetric eigen-decomposition),
/// condition number λ_max/λ_min (+∞ when λ_min ≤ 0) and largest off-diagonal entry in absolute value after dividing
/// by the diagonal (the largest correlation between distinct inputs).
/// </summary>
/// <param name="SmallestEigenvalue">λ_min.</param>
/// <param name="LargestEigenvalue">λ_max.</param>
/// <param name="ConditionNumber">λ_max/λ_min, or +∞ when λ_min ≤ 0.</param>
/// <param name="MaxOffDiagonalCorrelation">max_{i≠j} |Kᵢⱼ|/√(Kᵢᵢ Kⱼⱼ).</param>
public sealed record KernelSpectrum(double SmallestEigenvalue, double LargestEigenvalue, double ConditionNumber, double MaxOffDiagonalCorrelation)
{
    /// <summary>The spectrum of <paramref name="kernel"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="kernel"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kernel"/> is not square, smaller than 2 × 2, or has a non-positive diagonal entry.</exception>
    public static KernelSpectrum Of(Matrix<double> kernel)
    {
        GramMatrix.RequireSquare(kernel);
        double maxCorrelation = 0;
        for (int i = 0; i < kernel.RowCount; i++)
        {
            if (!(kernel[i, i] > 0))
                throw new ArgumentException($"diagonal entry {i} is {kernel[i, i]}; a kernel matrix needs a positive diagonal.", nameof(kernel));
            for (int j = 0; j < i; j++)
                maxCorrelation = Math.Max(maxCorrelation, Math.Abs(kernel[i, j]) / Math.Sqrt(kernel[i, i] * kernel[j, j]));
        }
        var eigenvalues = kernel.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
        double min = eigenvalues.Min(), max = eigenvalues.Max();
        return new(min, max, min > 0 ? max / min : double.PositiveInfinity, maxCorrelation);
    }
}
