using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace ReluKernels.Tests.Theory;

/// <summary>Assertions and independent reference computations shared by the Shin &amp; Karniadakis (2020) theory tests.</summary>
internal static class TheoryAssert
{
    public static void Relative(double expected, double actual, double tolerance, string? context = null) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            $"{context}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2})");

    public static void Close(double expected, double actual, double tolerance, string? context = null) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance,
            $"{context}: expected {expected:R}, got {actual:R} (difference {Math.Abs(actual - expected):E2})");

    public static void OutOfRange(string paramName, Action action) =>
        Assert.Equal(paramName, Assert.Throws<ArgumentOutOfRangeException>(action).ParamName);

    public static void Invalid(string paramName, Action action)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Equal(paramName, ex.ParamName);
    }

    /// <summary>
    /// Adaptive Gauss–Kronrod (MathNet, 31 points); a = b gives 0. The requested relative tolerance 1e−13 is met with
    /// room to spare (the estimate is pessimistic); asking for 1e−14 can make the recursion chase round-off for minutes.
    /// </summary>
    public static double Integrate(Func<double, double> f, double a, double b) =>
        a == b ? 0 : GaussKronrodRule.Integrate(f, a, b, out _, out _, 1e-13, 22, 31);

    /// <summary>Standard normal density and distribution function (from MathNet's erfc).</summary>
    public static double Phi(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    public static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    /// <summary>C(n, k)(1 − p)^k p^{n − k} by Math.Pow (fine for the small n used as references).</summary>
    public static double BinomialTerm(int n, int k, double death) =>
        SpecialFunctions.Binomial(n, k) * Math.Pow(1 - death, k) * Math.Pow(death, n - k);
}
