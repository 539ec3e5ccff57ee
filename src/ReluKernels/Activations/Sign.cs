namespace ReluKernels.Activations;

/// <summary>
/// sign(x): +1 for x ≥ 0, −1 otherwise; the normalised step function √2·1[x ≥ 0] after centring (Agarwal et al. 2021,
/// App. C.4, "Step"). Already normalised. Its derivative is 0 wherever it exists; the jump at 0 is what makes it
/// non-linear, so theory that needs σ̂′ uses the dual's closed form, not <see cref="Derivative"/>.
/// </summary>
public sealed class Sign : ScalarActivation
{
    /// <inheritdoc/>
    public override string Name => "sign";

    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];

    /// <inheritdoc/>
    public override double Value(double x) => x >= 0 ? 1 : -1;

    /// <inheritdoc/>
    public override double Derivative(double x) => 0;
}
