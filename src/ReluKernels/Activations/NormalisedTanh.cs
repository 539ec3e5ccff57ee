using ReluKernels.Theory;

namespace ReluKernels.Activations;

/// <summary>
/// tanh normalised under N(0, 1): tanh(x)/√(E tanh(X)²). It is odd, so already centred; the second moment
/// E tanh(X)² ≈ 0.3943 has no closed form and is computed once by quadrature.
/// </summary>
public sealed class NormalisedTanh : ScalarActivation
{
    /// <summary>The factor 1/√(E tanh(X)²) ≈ 1.5925, by quadrature.</summary>
    public static readonly double Factor = 1 / Math.Sqrt(GaussianExpectation.Of(x => Math.Tanh(x) * Math.Tanh(x), []));

    /// <inheritdoc/>
    public override string Name => "normalised-tanh";

    /// <inheritdoc/>
    public override double Value(double x) => Factor * Math.Tanh(x);

    /// <inheritdoc/>
    public override double Derivative(double x)
    {
        double t = Math.Tanh(x);
        return Factor * (1 - t * t);
    }
}
