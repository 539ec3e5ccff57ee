using ReluKernels.Activations;

namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// The dual activation σ̂(ρ) = E[σ(X) σ(Y)] for standard normal X, Y with correlation ρ, and its derivative
/// σ̂′(ρ) (= E[σ′(X) σ′(Y)] for absolutely continuous σ). For unit vectors u, v and w ~ N(0, I),
/// E σ(⟨w, u⟩) σ(⟨w, v⟩) = σ̂(⟨u, v⟩), which is what makes the infinite-width kernel a composition of σ̂.
/// Source: Agarwal, Awasthi &amp; Kale (2021), Definition C.1 (after Daniely, Frostig &amp; Singer 2016).
/// <b>EXACT</b> where a closed form exists (<see cref="IsClosedForm"/>): ReLU and normalised ReLU (arc-cosine), leaky
/// ReLU, sign (arcsine), exponential, erf, Hermite polynomials and any of these wrapped in <see cref="Normalised"/>;
/// otherwise <b>APPROXIMATION</b> by nested Gauss–Legendre quadrature (about 1e-13; a few milliseconds per call).
/// </summary>
public sealed class DualActivation
{
    private readonly Func<double, double> _value;
    private readonly Func<double, double> _derivative;

    /// <summary>The dual of <paramref name="activation"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
    public DualActivation(ScalarActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        Activation = activation;
        var closed = DualClosedForms.For(activation);
        IsClosedForm = closed is not null;
        _value = closed?.Value ?? (r => ByQuadrature(activation, r, derivative: false));
        _derivative = closed?.Derivative ?? (r => ByQuadrature(activation, r, derivative: true));
    }

    /// <summary>σ.</summary>
    public ScalarActivation Activation { get; }

    /// <summary>Whether <see cref="Value"/> and <see cref="Derivative"/> are closed forms rather than quadrature.</summary>
    public bool IsClosedForm { get; }

    /// <summary>σ̂(ρ).</summary>
    /// <param name="rho">ρ in [−1, 1] (values beyond by at most 1e-12, from rounding, are clamped).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rho"/> is NaN or outside [−1, 1].</exception>
    public double Value(double rho) => _value(Correlation(rho));

    /// <summary>σ̂′(ρ); +∞ at ρ = ±1 for sign, whose dual has a vertical tangent there.</summary>
    /// <param name="rho">ρ in [−1, 1] (values beyond by at most 1e-12 are clamped).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rho"/> is NaN or outside [−1, 1].</exception>
    public double Derivative(double rho) => _derivative(Correlation(rho));

    /// <summary>
    /// E[f(X) f(Y)] by quadrature, f = σ or σ′: E_X[f(X) E_Z f(ρX + √(1 − ρ²) Z)], each expectation split at σ's kinks.
    /// Meaningless for σ′ of an activation with a jump (sign), whose σ̂′ is not E[σ′σ′].
    /// </summary>
    /// <param name="activation">σ.</param>
    /// <param name="rho">ρ in [−1, 1].</param>
    /// <param name="derivative">Use σ′ instead of σ.</param>
    /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rho"/> is NaN or outside [−1, 1].</exception>
    public static double ByQuadrature(ScalarActivation activation, double rho, bool derivative)
    {
        ArgumentNullException.ThrowIfNull(activation);
        rho = Correlation(rho);
        Func<double, double> f = derivative ? activation.Derivative : activation.Value;
        var kinks = activation.Kinks;
        double s = Math.Sqrt(Math.Max(0, 1 - rho * rho));
        if (s == 0)
        {
            // Y = ±X: f(±x) has its kinks at ±kink.
            double[] both = [.. kinks, .. kinks.Select(k => rho * k)];
            Array.Sort(both);
            return GaussianExpectation.Of(x => f(x) * f(rho * x), both);
        }
        return GaussianExpectation.Of(x => f(x) * GaussianExpectation.Of(f, kinks, rho * x, s), kinks);
    }

    private static double Correlation(double rho)
    {
        if (!(Math.Abs(rho) <= 1 + 1e-12))
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "a correlation must be in [-1, 1].");
        return Math.Clamp(rho, -1, 1);
    }
}
