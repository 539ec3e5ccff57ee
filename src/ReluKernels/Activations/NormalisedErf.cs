using MathNet.Numerics;
using ReluKernels.Theory;

namespace ReluKernels.Activations;

/// <summary>
/// erf normalised under N(0, 1): erf(x)/√(E erf(X)²). It is odd, so already centred; the second moment is computed
/// once by quadrature (its closed form (2/π) arcsin(2/3) is what the tests hold it against).
/// </summary>
public sealed class NormalisedErf : ScalarActivation
{
    /// <summary>The factor 1/√(E erf(X)²) ≈ 1.4672, by quadrature.</summary>
    public static readonly double Factor = 1 / Math.Sqrt(GaussianExpectation.Of(x => SpecialFunctions.Erf(x) * SpecialFunctions.Erf(x), []));

    /// <inheritdoc/>
    public override string Name => "normalised-erf";

    /// <inheritdoc/>
    public override double Value(double x) => Factor * SpecialFunctions.Erf(x);

    /// <inheritdoc/>
    public override double Derivative(double x) => Factor * 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x);
}
