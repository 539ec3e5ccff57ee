using MathNet.Numerics;
using MathNet.Numerics.RootFinding;

namespace ReluKernels.Activations;

/// <summary>
/// NormReLU_b of Agarwal, Awasthi &amp; Kale (2021), Sec. 7 and App. I: λ_b (max(x, b) − μ_b), a ReLU with its kink at
/// x = b, centred and scaled in closed form so that E σ(X) = 0 and E σ(X)² = 1 under N(0, 1):
/// μ_b = E max(X, b) = b Φ(b) + φ(b) and λ_b = 1/√Var max(X, b), with
/// Var max(X, b) = (1 − Φ(b))(1 + b² Φ(b)) + b φ(b)(1 − 2Φ(b)) − φ(b)².
/// </summary>
/// <remarks>
/// The form is reconstructed from the paper's appendix (docs/theory/conditioning.md); the paper picks b so that λ_b is
/// SELU's scale, which gives <see cref="PaperKink"/> ≈ −1.5908 (the printed value of b was lost in the copy we have).
/// </remarks>
public sealed class NormRelu : ScalarActivation
{
    /// <summary>Creates NormReLU_b.</summary>
    /// <param name="kink">The kink b, any finite number (b = 0 is <see cref="NormalisedRelu"/>).</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="kink"/> is NaN or infinite, or so large that max(X, b) is constant to double precision (b &gt; 8),
    /// which cannot be normalised.
    /// </exception>
    public NormRelu(double kink)
    {
        Kink = ActivationArguments.Finite(kink, nameof(kink));
        double variance = KinkVariance(kink);
        if (!(variance > 1e-12))
            throw new ArgumentException($"kink {kink} leaves max(X, b) almost surely constant (variance {variance:G3}), which cannot be normalised.", nameof(kink));
        Shift = KinkMean(kink);
        Factor = 1 / Math.Sqrt(variance);
    }

    /// <summary>
    /// The kink b ≈ −1.5908 at which λ_b equals SELU's scale <see cref="Selu.Scale"/>, the paper's choice (Sec. 7),
    /// found by Brent's method on the closed form of λ_b.
    /// </summary>
    public static double PaperKink { get; } = Brent.FindRoot(b => 1 / Math.Sqrt(KinkVariance(b)) - Selu.Scale, -4, 0, 1e-15);

    /// <summary>The kink b.</summary>
    public double Kink { get; }

    /// <summary>μ_b = E max(X, b).</summary>
    public double Shift { get; }

    /// <summary>λ_b = 1/√Var max(X, b).</summary>
    public double Factor { get; }

    /// <inheritdoc/>
    public override string Name => "norm-relu";

    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, double>> Parameters => [new("b", Kink)];

    /// <inheritdoc/>
    public override IReadOnlyList<double> Kinks => [Kink];

    /// <inheritdoc/>
    public override double Value(double x) => Factor * (Math.Max(x, Kink) - Shift);

    /// <inheritdoc/>
    public override double Derivative(double x) => x > Kink ? Factor : 0;

    private static double Cdf(double b) => 0.5 * SpecialFunctions.Erfc(-b / Math.Sqrt(2));

    private static double Density(double b) => Math.Exp(-0.5 * b * b) / Math.Sqrt(2 * Math.PI);

    private static double KinkMean(double b) => b * Cdf(b) + Density(b);

    private static double KinkVariance(double b)
    {
        double cdf = Cdf(b), density = Density(b);
        return (1 - cdf) * (1 + b * b * cdf) + b * density * (1 - 2 * cdf) - density * density;
    }
}
