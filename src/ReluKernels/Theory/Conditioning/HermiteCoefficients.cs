using ReluKernels.Activations;

namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// The Hermite expansion σ = Σ aᵢ hᵢ in the orthonormal probabilists' Hermite polynomials hᵢ = Heᵢ/√(i!):
/// aᵢ = E[σ(X) hᵢ(X)], X ~ N(0, 1). Normalisation means a₀ = 0 and Σ aᵢ² = 1; then μ = 1 − a₁² = Σ_{i≥2} aᵢ² and
/// σ̂(ρ) = Σ aᵢ² ρⁱ. Source: Agarwal, Awasthi &amp; Kale (2021), App. C (Lemma C.2). <b>APPROXIMATION</b> by quadrature.
/// </summary>
public static class HermiteCoefficients
{
    /// <summary>a₀ … a_{count−1}.</summary>
    /// <param name="activation">σ.</param>
    /// <param name="count">Number of coefficients, 1..<see cref="Hermite.MaxDegree"/> + 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range.</exception>
    public static double[] Of(ScalarActivation activation, int count)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Hermite.MaxDegree + 1);
        var coefficients = new double[count];
        double factorial = 1;
        for (int i = 0; i < count; i++)
        {
            if (i > 1)
                factorial *= i;
            int degree = i;
            double norm = 1 / Math.Sqrt(factorial);
            coefficients[i] = norm * GaussianExpectation.Of(x => activation.Value(x) * Hermite.Probabilists(degree, x), activation.Kinks);
        }
        return coefficients;
    }
}
