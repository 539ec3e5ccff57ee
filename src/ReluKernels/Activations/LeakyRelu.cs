namespace ReluKernels.Activations;

/// <summary>Leaky ReLU, x for x &gt; 0 and a·x otherwise, with slope a (a = 1 is the identity, which is linear).</summary>
public sealed class LeakyRelu : ScalarActivation
{
    /// <summary>Creates the activation.</summary>
    /// <param name="slope">Slope a on the negative side; any finite number.</param>
    /// <exception cref="ArgumentException"><paramref name="slope"/> is NaN or infinite.</exception>
    public LeakyRelu(double slope) => Slope = ActivationArguments.Finite(slope, nameof(slope));

    /// <summary>Slope a on the negative side.</summary>
    public double Slope { get; }

    /// <inheritdoc/>
    public override string Name => "leaky-relu";

    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, double>> Parameters => [new("slope", Slope)];

    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];

    /// <inheritdoc/>
    public override double Value(double x) => x > 0 ? x : Slope * x;

    /// <inheritdoc/>
    public override double Derivative(double x) => x > 0 ? 1 : Slope;
}
