using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ReluKernels;

public static partial class KernelMath
{
    /// <summary>Below this |x| tanh is summed as its Taylor series; above it, computed from eˣ.</summary>
    private const double TanhSeriesBound = 0.55;

    /// <summary>
    /// Taylor coefficients of tanh x = x + Σ_{n≥1} aₙ x^{2n+1}, a₁ = −1/3, a₂ = 2/15, a₃ = −17/315, … (aₙ =
    /// 2^{2n+2}(2^{2n+2} − 1)B_{2n+2}/(2n+2)!), n = 1..18, to 17 digits. The series converges for |x| &lt; π/2; at the
    /// bound 0.55 the terms shrink by (0.55·2/π)² ≈ 0.12 each, so 18 terms leave a truncation below 2⁻⁵⁴ relative, and
    /// the first 9 (float) below 2⁻²⁵.
    /// </summary>
    private static ReadOnlySpan<double> TanhSeries =>
    [
        -0.3333333333333333, 0.13333333333333333, -0.05396825396825397, 0.021869488536155203, -0.008863235529902197,
        0.003592128036572481, -0.0014558343870513183, 0.000590027440945586, -0.00023912911424355248,
        9.691537956929451e-05, -3.927832388331683e-05, 1.5918905069328964e-05, -6.451689215655431e-06,
        2.6147711512907546e-06, -1.0597268320104654e-06, 4.294911078273806e-07, -1.7406618963571648e-07,
        7.054636946400968e-08,
    ];

    private const int TanhTermsFloat = 9;

    /// <summary>tanh x (see <see cref="TanhOf{TL, TV}"/>).</summary>
    public static double Tanh(double x) => TanhOf<ScalarDoubleLanes, double>(x, TanhSeries);

    /// <summary>tanh x (see <see cref="TanhOf{TL, TV}"/>).</summary>
    public static float Tanh(float x) => TanhOf<ScalarFloatLanes, float>(x, TanhSeries[..TanhTermsFloat]);

    /// <summary>tanh x per lane (see <see cref="TanhOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Tanh(Vector512<double> x) => TanhOf<Vector512DoubleLanes, Vector512<double>>(x, TanhSeries);

    /// <summary>tanh x per lane (see <see cref="TanhOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x) => TanhOf<Vector512FloatLanes, Vector512<float>>(x, TanhSeries[..TanhTermsFloat]);

    /// <summary>tanh x per lane (see <see cref="TanhOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Tanh(Vector256<double> x) => TanhOf<Vector256DoubleLanes, Vector256<double>>(x, TanhSeries);

    /// <summary>tanh x per lane (see <see cref="TanhOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x) => TanhOf<Vector256FloatLanes, Vector256<float>>(x, TanhSeries[..TanhTermsFloat]);

    /// <summary>tanh x per lane (see <see cref="TanhOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Tanh(Vector128<double> x) => TanhOf<Vector128DoubleLanes, Vector128<double>>(x, TanhSeries);

    /// <summary>tanh x per lane (see <see cref="TanhOf{TL, TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> x) => TanhOf<Vector128FloatLanes, Vector128<float>>(x, TanhSeries[..TanhTermsFloat]);

    /// <summary>
    /// tanh x, the same IEEE operations on every path: with a = |x|, below <see cref="TanhSeriesBound"/> the odd Taylor
    /// polynomial a + a·a²·Q(a²) (Horner, fused multiply-adds; no cancellation), above it 1 − 2/(e^{2a} + 1) with
    /// <see cref="Exp(double)"/> (no cancellation to speak of there: 2/(e^{2a} + 1) &lt; 0.55 while the result is &gt; 0.5);
    /// both are computed and one is selected, then x's sign is copied (so −0 stays −0). Large |x| saturate to ±1 through
    /// Exp's clamp; NaN propagates. Measured error: <c>KernelTolerances.TanhDouble</c> / <c>TanhFloat</c> in the tests.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TanhOf<TL, TV>(TV x, ReadOnlySpan<double> series) where TL : ILanes<TV> where TV : struct
    {
        TV one = TL.Create(1);
        TV a = TL.Abs(x);
        TV s = TL.Multiply(a, a);
        TV q = TL.Create(series[^1]);
        for (int k = series.Length - 2; k >= 0; k--)
            q = TL.Fma(q, s, TL.Create(series[k]));
        TV small = TL.Fma(TL.Multiply(a, s), q, a);
        TV large = TL.Subtract(one, TL.Divide(TL.Create(2), TL.Add(TL.Exp(TL.Add(a, a)), one)));
        return TL.CopySign(TL.WhereLess(a, TL.Create(TanhSeriesBound), small, large), x);
    }
}
