using ReluKernels.Theory;

namespace ReluKernels.Activations;

/// <summary>ELU: x for x &gt; 0 and α(eˣ − 1) otherwise (Clevert, Unterthiner &amp; Hochreiter 2016).</summary>
public sealed class Elu : ScalarActivation
{
    /// <summary>Creates the activation.</summary>
    /// <param name="alpha">α, any finite number (1 is the usual choice; 0 gives ReLU).</param>
    /// <exception cref="ArgumentException"><paramref name="alpha"/> is NaN or infinite.</exception>
    public Elu(double alpha) => Alpha = ActivationArguments.Finite(alpha, nameof(alpha));

    /// <summary>α.</summary>
    public double Alpha { get; }

    /// <inheritdoc/>
    public override string Name => "elu";

    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, double>> Parameters => [new("alpha", Alpha)];

    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [0.0];

    /// <inheritdoc/>
    public override double Value(double x) => x > 0 ? x : Alpha * AccurateMath.ExpM1(x);

    /// <inheritdoc/>
    public override double Derivative(double x) => x > 0 ? 1 : Alpha * Math.Exp(x);
}
