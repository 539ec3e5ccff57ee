#if RELUKERNELS_GENERATOR
using ActivationId = ReluKernels.Generators.Model.ActivationKind;
#else
using ActivationId = ReluKernels.Activation;
#endif

namespace ReluKernels;

/// <summary>
/// The parameters and numeric constants of the kernels' activations. The generator links this file (as it does
/// <c>ShapeLimits</c>), so the literals it emits and the constants <c>GenericNetwork</c> uses are the same doubles, and
/// both sides accept the same parameters. The activation model in <c>ReluKernels.Activations</c> computes the same
/// constants independently (quadrature, MathNet's erfc); tests hold the two against each other.
/// </summary>
internal static class ActivationConstants
{
    /// <summary>SELU's λ as published (Klambauer, Unterthiner, Mayr &amp; Hochreiter 2017).</summary>
    public const double SeluScale = 1.0507009873554804934193349852946;

    /// <summary>SELU's α as published.</summary>
    public const double SeluAlpha = 1.6732632423543772848170429916717;

    /// <summary>Normalised ReLU's shift E max(X, 0) = 1/√(2π).</summary>
    public static readonly double NormalizedReluShift = 1 / System.Math.Sqrt(2 * System.Math.PI);

    /// <summary>Normalised ReLU's factor 1/√Var max(X, 0) = 1/√(1/2 − 1/(2π)).</summary>
    public static readonly double NormalizedReluFactor = 1 / System.Math.Sqrt(0.5 - 0.5 / System.Math.PI);

    /// <summary>
    /// Normalised tanh's deviation s = √(E tanh(X)²), X ~ N(0, 1), which has no closed form: adaptive quadrature at 40
    /// digits (mpmath), rounded to double; <c>ActivationTests</c> recomputes it with MathNet's Gauss–Legendre nodes to 1e-12.
    /// </summary>
    public const double NormalizedTanhDeviation = 0.6279287303491067;

    /// <summary>Normalised tanh's factor 1/s (<see cref="NormalizedTanhDeviation"/>), rounded once from the 40-digit value.</summary>
    public const double NormalizedTanhFactor = 1.5925374197228315;

    /// <summary>
    /// Normalised erf's factor 1/√(E erf(X)²) with the closed form E erf(X)² = (2/π) arcsin(2/3) (E erf(X)erf(Y) for unit
    /// Gaussians of correlation ρ is (2/π) arcsin(2ρ/3)); tests hold it against quadrature to 1e-12.
    /// </summary>
    public const double NormalizedErfFactor = 1.4671669504891387;

    /// <summary>Normalised erf's σ'(0) = (2/√π)·<see cref="NormalizedErfFactor"/>, rounded once: σ'(z) = this · e^{−z²}.</summary>
    public const double NormalizedErfSlope = 1.6555206215829974;

    /// <summary>Default leaky-ReLU slope.</summary>
    public const double DefaultLeakySlope = 0.01;

    /// <summary>Default ELU α.</summary>
    public const double DefaultEluAlpha = 1.0;

    /// <summary>
    /// Default NormReLU kink: the b at which λ_b equals <see cref="SeluScale"/> (Agarwal et al. 2021, Sec. 7), found by
    /// Brent's method on the closed form of λ_b (<c>Activations.NormRelu.PaperKink</c>; a test checks the literal).
    /// </summary>
    public const double DefaultNormReluKink = -1.5907658564412692;

    /// <summary>Below this variance max(X, b) is treated as constant: it cannot be normalised (b &gt; ~7.3).</summary>
    public const double MinimumKinkVariance = 1e-12;

    /// <summary>Whether the activation takes a parameter.</summary>
    public static bool HasParameter(ActivationId activation) =>
        activation is ActivationId.LeakyReLU or ActivationId.ELU or ActivationId.NormReLU;

    /// <summary>
    /// Whether σ' is not a function of the output σ(z), so that the backward pass must keep the pre-activations z as well
    /// (normalised erf: e^{−z²}). Every other activation is monotone with σ' readable from y.
    /// </summary>
    public static bool DerivativeNeedsPreActivation(ActivationId activation) => activation is ActivationId.NormalizedErf;

    /// <summary>The parameter's name in messages, or null when the activation has none.</summary>
    public static string? ParameterName(ActivationId activation) => activation switch
    {
        ActivationId.LeakyReLU => "slope",
        ActivationId.ELU => "alpha",
        ActivationId.NormReLU => "kink b",
        _ => null,
    };

    /// <summary>The parameter used when none is given (0 for activations without one).</summary>
    public static double DefaultParameter(ActivationId activation) => activation switch
    {
        ActivationId.LeakyReLU => DefaultLeakySlope,
        ActivationId.ELU => DefaultEluAlpha,
        ActivationId.NormReLU => DefaultNormReluKink,
        _ => 0,
    };

    /// <summary>Why <paramref name="parameter"/> is not valid for <paramref name="activation"/>, or null when it is.</summary>
    public static string? Problem(ActivationId activation, double parameter)
    {
        string? name = ParameterName(activation);
        if (name is null)
            return $"{activation} takes no parameter";
        if (double.IsNaN(parameter) || double.IsInfinity(parameter))
            return $"the {name} must be a finite number";
        switch (activation)
        {
            // The backward pass reads σ'(z) from the sign of the stored output σ(z); a negative slope or α would make a
            // negative z give a positive output.
            case ActivationId.LeakyReLU or ActivationId.ELU when parameter < 0:
                return $"the {name} must be ≥ 0 (the derivative is read from the sign of the output)";
            case ActivationId.NormReLU when !(KinkVariance(parameter) > MinimumKinkVariance):
                return $"max(X, {parameter}) is almost surely constant under N(0, 1) and cannot be normalised";
            default:
                return null;
        }
    }

    /// <summary>μ_b = E max(X, b) = b Φ(b) + φ(b), X ~ N(0, 1).</summary>
    public static double KinkMean(double b) => b * Normal(b).Cdf + NormalDensity(b);

    /// <summary>
    /// Var max(X, b) = Q(b)(1 + b² Φ(b)) + b φ(b)(Q(b) − Φ(b)) − φ(b)² with Q = 1 − Φ (Agarwal et al. 2021, App. I);
    /// Q is computed directly, not as 1 − Φ, so that the variance stays accurate for large b.
    /// </summary>
    public static double KinkVariance(double b)
    {
        var (cdf, upper) = Normal(b);
        double density = NormalDensity(b);
        return upper * (1 + b * b * cdf) + b * density * (upper - cdf) - density * density;
    }

    /// <summary>λ_b = 1/√Var max(X, b).</summary>
    public static double KinkFactor(double b) => 1 / System.Math.Sqrt(KinkVariance(b));

    private static double NormalDensity(double x) => System.Math.Exp(-0.5 * x * x) / System.Math.Sqrt(2 * System.Math.PI);

    /// <summary>
    /// Φ(x) and Q(x) = 1 − Φ(x), each to ~1e-16 relative where it is small (the generator has no special-function
    /// library). With u = |x|/√2, the smaller tail is erfc(u)/2: for u ≤ 2 from erf(u) = (2/√π) e^{−u²} Σ_{n≥0} 2ⁿ
    /// u^{2n+1} / (1·3·…·(2n+1)) (Abramowitz &amp; Stegun 7.1.6, every term positive), for u &gt; 2 from the continued
    /// fraction erfc(u) = e^{−u²}/√π · 1/(u + (1/2)/(u + 1/(u + (3/2)/(u + …)))) (A&amp;S 7.1.14), 200 levels, evaluated backwards.
    /// </summary>
    private static (double Cdf, double Upper) Normal(double x)
    {
        double u = System.Math.Abs(x) / System.Math.Sqrt(2);
        double tail;
        if (u <= 2)
        {
            double term = u, sum = u;
            for (int n = 1; n < 200 && term > 1e-17 * sum; n++)
            {
                term *= 2 * u * u / (2 * n + 1);
                sum += term;
            }
            tail = 0.5 - 1 / System.Math.Sqrt(System.Math.PI) * System.Math.Exp(-u * u) * sum;
        }
        else
        {
            double fraction = u;
            for (int n = 200; n >= 1; n--)
                fraction = u + 0.5 * n / fraction;
            tail = 0.5 * System.Math.Exp(-u * u) / (System.Math.Sqrt(System.Math.PI) * fraction);
        }
        return x >= 0 ? (1 - tail, tail) : (tail, 1 - tail);
    }
}
