namespace ReluKernels.Activations;

/// <summary>
/// ReLU normalised under N(0, 1): (max(x, 0) − 1/√(2π)) / √(1/2 − 1/(2π)), so E σ(X) = 0 and E σ(X)² = 1. It is
/// <see cref="NormRelu"/> with kink b = 0. Its dual is the centred arc-cosine kernel (Agarwal et al. 2021, App. C.4).
/// </summary>
public sealed class NormalisedRelu : ScalarActivation
{
    /// <summary>The shift E max(X, 0) = 1/√(2π).</summary>
    public static readonly double Shift = 1 / Math.Sqrt(2 * Math.PI);

    /// <summary>The factor 1/√(Var max(X, 0)) = 1/√(1/2 − 1/(2π)) ≈ 1.7129.</summary>
    public static readonly double Factor = 1 / Math.Sqrt(0.5 - 0.5 / Math.PI);

    /// <inheritdoc/>
    public override string Name => "normalised-relu";

    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];

    /// <inheritdoc/>
    public override double Value(double x) => Factor * (Math.Max(x, 0) - Shift);

    /// <inheritdoc/>
    public override double Derivative(double x) => x > 0 ? Factor : 0;
}
