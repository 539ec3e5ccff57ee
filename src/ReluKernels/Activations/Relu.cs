namespace ReluKernels.Activations;

/// <summary>ReLU, max(x, 0): not normalised (E σ(X) = 1/√(2π), E σ(X)² = 1/2 under N(0, 1)).</summary>
public sealed class Relu : ScalarActivation
{
    /// <inheritdoc/>
    public override string Name => "relu";

    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];

    /// <inheritdoc/>
    public override double Value(double x) => Math.Max(x, 0);

    /// <inheritdoc/>
    public override double Derivative(double x) => x > 0 ? 1 : 0;
}
