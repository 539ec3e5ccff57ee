using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ReluKernels;

public static partial class KernelMath
{
    /// <summary>2/√π.</summary>
    private const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>1/√π.</summary>
    private const double OneOverSqrtPi = 0.5641895835477563;

    /// <summary>
    /// cₙ = 2ⁿ/(1·3·…·(2n+1)), n = 0..38, to 17 digits: erf a = (2/√π) a e^{−a²} Σ cₙ a^{2n} (Abramowitz &amp; Stegun
    /// 7.1.6), every term positive. At a = 2.5 (a² = 6.25) the 38 terms after the first leave less than 1e-17 relative;
    /// float uses the first 21, enough below a = 2.
    /// </summary>
    private static ReadOnlySpan<double> ErfSeries =>
    [
        1.0, 0.6666666666666666, 0.26666666666666666, 0.0761904761904762, 0.016931216931216932,
        0.0030784030784030783, 0.0004736004736004736, 6.314672981339648e-05, 7.4290270368701745e-06,
        7.820028459863341e-07, 7.447646152250801e-08, 6.476214045435479e-09, 5.180971236348383e-10,
        3.8377564713691727e-11, 2.6467286009442573e-12, 1.7075668393188757e-13, 1.0348889935265912e-14,
        5.913651391580522e-16, 3.196568319773255e-17, 1.6392658050119255e-18, 7.996418561033783e-20,
        3.719264446992458e-21, 1.6530064208855367e-22, 7.034069876108667e-24, 2.8710489290239454e-25,
        1.1259015407937041e-26, 4.248685059598884e-28, 1.5449763853086848e-29, 5.42096977301293e-31,
        1.8376168722077727e-32, 6.024973351500894e-34, 1.9126899528574266e-35, 5.885199854945928e-37,
        1.7567760761032622e-38, 5.092104568415253e-40, 1.434395653074719e-41, 3.929851104314299e-43,
        1.047960294483813e-44, 2.7219747908670468e-46,
    ];

    /// <summary>Double: the series below a = 2.5, the continued fraction (30 levels) above; a clamped at 6 (erf 6 = 1 in double).</summary>
    private const double ErfSeriesBoundDouble = 2.5, ErfCapDouble = 6;

    private const int ErfLevelsDouble = 30;

    /// <summary>Float: the series below a = 2 (21 terms), the continued fraction (12 levels) above; a clamped at 4 (erf 4 = 1 in float).</summary>
    private const double ErfSeriesBoundFloat = 2, ErfCapFloat = 4;

    private const int ErfTermsFloat = 21, ErfLevelsFloat = 12;

    /// <summary>erf x (see <see cref="ErfOf{TL, TV}"/>).</summary>
    public static double Erf(double x) =>
        ErfOf<ScalarDoubleLanes, double>(x, ErfSeries, ErfSeriesBoundDouble, ErfLevelsDouble, ErfCapDouble);

    /// <summary>erf x (see <see cref="ErfOf{TL, TV}"/>).</summary>
    public static float Erf(float x) =>
        ErfOf<ScalarFloatLanes, float>(x, ErfSeries[..ErfTermsFloat], ErfSeriesBoundFloat, ErfLevelsFloat, ErfCapFloat);

    /// <summary>erf x per lane (see <see cref="ErfOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Erf(Vector512<double> x) =>
        ErfOf<Vector512DoubleLanes, Vector512<double>>(x, ErfSeries, ErfSeriesBoundDouble, ErfLevelsDouble, ErfCapDouble);

    /// <summary>erf x per lane (see <see cref="ErfOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Erf(Vector512<float> x) =>
        ErfOf<Vector512FloatLanes, Vector512<float>>(x, ErfSeries[..ErfTermsFloat], ErfSeriesBoundFloat, ErfLevelsFloat, ErfCapFloat);

    /// <summary>erf x per lane (see <see cref="ErfOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Erf(Vector256<double> x) =>
        ErfOf<Vector256DoubleLanes, Vector256<double>>(x, ErfSeries, ErfSeriesBoundDouble, ErfLevelsDouble, ErfCapDouble);

    /// <summary>erf x per lane (see <see cref="ErfOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Erf(Vector256<float> x) =>
        ErfOf<Vector256FloatLanes, Vector256<float>>(x, ErfSeries[..ErfTermsFloat], ErfSeriesBoundFloat, ErfLevelsFloat, ErfCapFloat);

    /// <summary>erf x per lane (see <see cref="ErfOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Erf(Vector128<double> x) =>
        ErfOf<Vector128DoubleLanes, Vector128<double>>(x, ErfSeries, ErfSeriesBoundDouble, ErfLevelsDouble, ErfCapDouble);

    /// <summary>erf x per lane (see <see cref="ErfOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Erf(Vector128<float> x) =>
        ErfOf<Vector128FloatLanes, Vector128<float>>(x, ErfSeries[..ErfTermsFloat], ErfSeriesBoundFloat, ErfLevelsFloat, ErfCapFloat);

    /// <summary>
    /// erf x, the same IEEE operations on every path. With a = min(|x|, cap) and e^{−a²} computed as e^{−s}(1 − δ) from
    /// s = a·a rounded and its exact error δ = a·a − s (a fused multiply-add; otherwise the rounding of a² would cost up to
    /// 6 ulps of e^{−a²} at a = 2.5): below the bound the positive series (2/√π)·a·e^{−a²}·Σ cₙ a^{2n} (Horner); above it
    /// 1 − erfc a with erfc a = e^{−a²}/√π / (a + (1/2)/(a + 1/(a + (3/2)/(a + …)))) (A&amp;S 7.1.14, evaluated from the
    /// deepest level up; truncation below 1e-17 absolute at a = 2.5 with 30 levels, 2e-9 at a = 2 with 12). Both are
    /// computed and one is selected, then x's sign is copied. ±∞ give ±1 (through the cap); NaN propagates. Measured
    /// error: <c>KernelTolerances.ErfDouble</c> / <c>ErfFloat</c> in the tests.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfOf<TL, TV>(TV x, ReadOnlySpan<double> series, double bound, int levels, double cap)
        where TL : ILanes<TV> where TV : struct
    {
        TV a = TL.Min(TL.Abs(x), TL.Create(cap));
        TV s = TL.Multiply(a, a);
        TV delta = TL.Fma(a, a, TL.Negate(s));
        TV gaussian = TL.Exp(TL.Negate(s));
        gaussian = TL.Fma(TL.Negate(delta), gaussian, gaussian);

        TV sum = TL.Create(series[^1]);
        for (int k = series.Length - 2; k >= 0; k--)
            sum = TL.Fma(sum, s, TL.Create(series[k]));
        TV small = TL.Multiply(TL.Multiply(TL.Create(TwoOverSqrtPi), a), TL.Multiply(gaussian, sum));

        TV fraction = a;
        for (int n = levels; n >= 1; n--)
            fraction = TL.Add(a, TL.Divide(TL.Create(0.5 * n), fraction));
        TV large = TL.Subtract(TL.Create(1), TL.Divide(TL.Multiply(gaussian, TL.Create(OneOverSqrtPi)), fraction));

        return TL.CopySign(TL.WhereLess(a, TL.Create(bound), small, large), x);
    }
}
