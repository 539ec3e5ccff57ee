namespace ReluKernels.Activations;

/// <summary>
/// The normalised probabilists' Hermite polynomial h_k = He_k/√(k!), k ≥ 1: orthonormal under N(0, 1), so it is
/// normalised and its dual is ρ^k. k = 1 is the identity (linear, μ = 0); k = 2 is (x² − 1)/√2 (μ = 1), the paper's
/// "2nd Hermite" (Agarwal et al. 2021, App. C.4).
/// </summary>
public sealed class Hermite : ScalarActivation
{
    /// <summary>The largest degree accepted (k! stays finite and the recurrence accurate far beyond typical inputs).</summary>
    public const int MaxDegree = 64;

    private readonly double _norm;

    /// <summary>Creates h_k.</summary>
    /// <param name="degree">k, 1..<see cref="MaxDegree"/> (h_0 is constant and cannot be centred).</param>
    /// <exception cref="ArgumentException"><paramref name="degree"/> is outside 1..<see cref="MaxDegree"/>.</exception>
    public Hermite(int degree)
    {
        if (degree is < 1 or > MaxDegree)
            throw new ArgumentException($"degree must be in 1..{MaxDegree} (degree 0 is constant and cannot be normalised), got {degree}.", nameof(degree));
        Degree = degree;
        double factorial = 1;
        for (int i = 2; i <= degree; i++)
            factorial *= i;
        _norm = 1 / Math.Sqrt(factorial);
    }

    /// <summary>The degree k.</summary>
    public int Degree { get; }

    /// <inheritdoc/>
    public override string Name => "hermite";

    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, double>> Parameters => [new("k", Degree)];

    /// <inheritdoc/>
    public override double Value(double x) => _norm * Probabilists(Degree, x);

    /// <inheritdoc/>
    /// <remarks>He_k′ = k He_{k−1}.</remarks>
    public override double Derivative(double x) => _norm * Degree * Probabilists(Degree - 1, x);

    /// <summary>He_k(x) by the three-term recurrence He_{n+1} = x He_n − n He_{n−1}.</summary>
    internal static double Probabilists(int k, double x)
    {
        double previous = 1, current = x;
        if (k == 0)
            return previous;
        for (int n = 1; n < k; n++)
            (previous, current) = (current, x * current - n * previous);
        return current;
    }
}
