namespace ReluKernels.Theory;

/// <summary>
/// ln(1 + x) and eˣ − 1 without cancellation for small |x|. The theory formulas need them: at width 64,
/// 1 − 2⁻⁶⁴ rounds to 1 in double precision, so a naive <c>1 - Math.Pow(1 - 2^-N, L)</c> returns 0 instead of ≈ L·2⁻⁶⁴.
/// </summary>
/// <remarks>
/// <c>double.LogP1</c> and <c>double.ExpM1</c> are not used: .NET implements them as <c>Math.Log(x + 1)</c> and
/// <c>Math.Exp(x) - 1</c>, which is exactly the cancellation these helpers avoid.
/// </remarks>
internal static class AccurateMath
{
    /// <summary>
    /// ln(1 + x) for x ≥ −1, accurate to a few ulps (Goldberg, "What every computer scientist should know about
    /// floating-point arithmetic", 1991, Theorem 4).
    /// </summary>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>eˣ − 1, accurate to a few ulps (Kahan's method: the rounding error of eˣ cancels in (u − 1)/ln u).</summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0)
            return x;
        double um1 = u - 1.0;
        if (um1 == -1.0 || double.IsPositiveInfinity(u))
            return um1;
        return um1 * x / Math.Log(u);
    }

    /// <summary>
    /// 1 − e^<paramref name="logSurvival"/> for <paramref name="logSurvival"/> ≤ 0: a probability from the logarithm of its
    /// complement. Clamped to [0, 1] against rounding; +0 (never −0) for an empty product.
    /// </summary>
    public static double OneMinusExp(double logSurvival) => Math.Clamp(0.0 - ExpM1(logSurvival), 0.0, 1.0);
}
