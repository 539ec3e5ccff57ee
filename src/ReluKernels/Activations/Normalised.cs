using ReluKernels.Theory;

namespace ReluKernels.Activations;

/// <summary>
/// Any activation centred and scaled under N(0, 1): (σ(x) − E σ(X)) / √Var σ(X), with both moments computed once by
/// quadrature. This is how the theory treats ReLU, leaky ReLU, ELU and SELU, whose own moments are not (0, 1).
/// </summary>
public sealed class Normalised : ScalarActivation
{
    /// <summary>Normalises <paramref name="inner"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    /// <exception cref="ArgumentException">σ(X) is (almost surely) constant or its moments are not finite, so it cannot be normalised.</exception>
    public Normalised(ScalarActivation inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        double mean = GaussianExpectation.Of(inner.Value, inner.Kinks);
        double variance = GaussianExpectation.Of(x => (inner.Value(x) - mean) * (inner.Value(x) - mean), inner.Kinks);
        if (!double.IsFinite(mean) || !double.IsFinite(variance) || !(variance > 1e-12))
            throw new ArgumentException($"{inner} cannot be normalised: under N(0, 1) its mean is {mean:G6} and its variance {variance:G6}.", nameof(inner));
        Shift = mean;
        Factor = 1 / Math.Sqrt(variance);
    }

    /// <summary>The activation before normalisation.</summary>
    public ScalarActivation Inner { get; }

    /// <summary>The shift E σ(X).</summary>
    public double Shift { get; }

    /// <summary>The factor 1/√Var σ(X).</summary>
    public double Factor { get; }

    /// <inheritdoc/>
    public override string Name => "normalised-" + Inner.Name;

    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, double>> Parameters => Inner.Parameters;

    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => Inner.Kinks;

    /// <inheritdoc/>
    public override double Value(double x) => Factor * (Inner.Value(x) - Shift);

    /// <inheritdoc/>
    public override double Derivative(double x) => Factor * Inner.Derivative(x);
}
