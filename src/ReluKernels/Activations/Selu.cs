using ReluKernels.Theory;

namespace ReluKernels.Activations;

/// <summary>
/// SELU, λ·x for x &gt; 0 and λα(eˣ − 1) otherwise, with the published constants of Klambauer, Unterthiner, Mayr &amp;
/// Hochreiter (2017). Those make E σ(X) = 0 and E σ(X)² = 1 under N(0, 1) only approximately (to about 1e-9 in the
/// second moment); the theory measures that rather than assuming it.
/// </summary>
public sealed class Selu : ScalarActivation
{
    /// <summary>λ ≈ 1.0507, the published scale.</summary>
    public const double Scale = 1.0507009873554804934193349852946;

    /// <summary>α ≈ 1.6733, the published negative-side factor.</summary>
    public const double Alpha = 1.6732632423543772848170429916717;

    /// <inheritdoc/>
    public override string Name => "selu";

    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];

    /// <inheritdoc/>
    public override double Value(double x) => x > 0 ? Scale * x : Scale * Alpha * AccurateMath.ExpM1(x);

    /// <inheritdoc/>
    public override double Derivative(double x) => x > 0 ? Scale : Scale * Alpha * Math.Exp(x);
}
