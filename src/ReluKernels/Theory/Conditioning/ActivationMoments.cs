using ReluKernels.Activations;

namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// The Gaussian moments of an activation that the conditioning theory needs, X ~ N(0, 1): E σ(X), E σ(X)² and
/// E[X σ(X)] (= a₁, the first Hermite coefficient). Source: Agarwal, Awasthi &amp; Kale (2021), Eq. (2) and
/// Definition 3.1. <b>APPROXIMATION</b> by quadrature, accurate to about 1e-14 (docs/theory/conditioning.md).
/// </summary>
/// <param name="Mean">E σ(X).</param>
/// <param name="SecondMoment">E σ(X)².</param>
/// <param name="Linear">E[X σ(X)], the coefficient of σ's linear part.</param>
public sealed record ActivationMoments(double Mean, double SecondMoment, double Linear)
{
    /// <summary>Var σ(X) = E σ(X)² − (E σ(X))².</summary>
    public double Variance => SecondMoment - Mean * Mean;

    /// <summary>The shift that centres σ: E σ(X).</summary>
    public double NormalisingShift => Mean;

    /// <summary>The factor that gives the centred σ unit second moment: 1/√Var σ(X).</summary>
    public double NormalisingFactor => 1 / Math.Sqrt(Variance);

    /// <summary>
    /// μ = 1 − (E[X σ̄(X)])² of the normalised σ̄ = (σ − E σ)/√Var σ, i.e. 1 − a₁²/Var σ (shift and scale do not change
    /// it otherwise). Agarwal et al. (2021), Definition 3.1; in [0, 1], 0 exactly for affine σ (clamped against rounding).
    /// </summary>
    public double NonLinearity => Math.Clamp(1 - Linear * Linear / Variance, 0, 1);

    /// <summary>Whether E σ(X) = 0 and E σ(X)² = 1 within <paramref name="tolerance"/> (the paper's normalisation (2)).</summary>
    public bool IsNormalised(double tolerance) => Math.Abs(Mean) <= tolerance && Math.Abs(SecondMoment - 1) <= tolerance;

    /// <summary>Computes the moments of <paramref name="activation"/> by quadrature.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
    public static ActivationMoments Of(ScalarActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return new(
            GaussianExpectation.Of(activation.Value, activation.Kinks),
            GaussianExpectation.Of(x => activation.Value(x) * activation.Value(x), activation.Kinks),
            GaussianExpectation.Of(x => x * activation.Value(x), activation.Kinks));
    }
}
