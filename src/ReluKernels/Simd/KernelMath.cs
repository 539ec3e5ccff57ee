using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ReluKernels;

/// <summary>
/// eˣ, tanh and erf for the generated kernels and <see cref="GenericNetwork{T}"/>, the same sequence of IEEE operations
/// on every vector width and in scalar code, so every kernel path gives bit-identical activations. (The runtime's own
/// <c>Vector128.Exp</c> and <see cref="Math.Exp(double)"/> differ from each other, and the vector one uses a fused
/// multiply-add only where the hardware has one.) tanh and erf (<c>KernelMath.Tanh.cs</c>, <c>KernelMath.Erf.cs</c>) are
/// each written once over the per-path operation tables of <c>Lanes.cs</c>.
/// </summary>
/// <remarks>
/// Exp: x is clamped to [−708, 709] (float: [−87, 88]) so that 2ⁿ stays a normal number: larger inputs saturate at e⁷⁰⁹
/// (e⁸⁸) instead of overflowing, smaller ones give e⁻⁷⁰⁸ (e⁻⁸⁷) instead of a subnormal or zero. NaN propagates. Then
/// n = round(x·log₂e) (by adding and subtracting 1.5·2⁵², resp. 1.5·2²³), r = x − n·ln 2 in two fused steps
/// (Cody–Waite, |r| ≤ ln 2 / 2), eʳ by its Taylor polynomial in Horner form with fused multiply-adds (degree 13 for
/// double, 7 for float: truncation error below 1e-17, resp. 6e-9, relative), and 2ⁿ written into the exponent bits.
/// Measured error against <see cref="Math.Exp(double)"/>: see <c>KernelTolerances.ExpDouble</c> / <c>ExpFloat</c> in the tests.
/// </remarks>
public static partial class KernelMath
{
    private const double DoubleLow = -708, DoubleHigh = 709;
    private const double DoubleRound = 6755399441055744.0; // 1.5·2⁵²: adding it rounds to an integer in the low mantissa bits
    private const double Log2E = 1.4426950408889634;
    private const double Ln2High = 6.93147180369123816490e-01; // ln 2 split so that n·Ln2High is exact (fdlibm)
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const long DoubleBias = 1023;

    private const float FloatLow = -87, FloatHigh = 88;
    private const float FloatRound = 12582912f; // 1.5·2²³
    private const float FloatLog2E = 1.44269504f;
    private const float FloatLn2High = 0.693359375f; // ln 2 split so that n·FloatLn2High is exact (Cephes)
    private const float FloatLn2Low = -2.12194440e-4f;
    private const int FloatBias = 127;

    /// <summary>1/k! for k = 13 down to 0, Horner order.</summary>
    private static ReadOnlySpan<double> DoubleTaylor =>
    [
        1.0 / 6227020800, 1.0 / 479001600, 1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880, 1.0 / 40320, 1.0 / 5040,
        1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 1.0 / 2, 1, 1,
    ];

    /// <summary>1/k! for k = 7 down to 0, Horner order.</summary>
    private static ReadOnlySpan<float> FloatTaylor => [1f / 5040, 1f / 720, 1f / 120, 1f / 24, 1f / 6, 1f / 2, 1, 1];

    /// <summary>eˣ (see the class remarks).</summary>
    public static double Exp(double x)
    {
        x = Math.Min(Math.Max(x, DoubleLow), DoubleHigh);
        double shifted = double.FusedMultiplyAdd(x, Log2E, DoubleRound);
        double n = shifted - DoubleRound;
        double r = double.FusedMultiplyAdd(n, -Ln2High, x);
        r = double.FusedMultiplyAdd(n, -Ln2Low, r);
        var taylor = DoubleTaylor;
        double p = taylor[0];
        for (int k = 1; k < taylor.Length; k++)
            p = double.FusedMultiplyAdd(p, r, taylor[k]);
        return p * BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(shifted) + DoubleBias) << 52);
    }

    /// <summary>eˣ (see the class remarks).</summary>
    public static float Exp(float x)
    {
        x = MathF.Min(MathF.Max(x, FloatLow), FloatHigh);
        float shifted = float.FusedMultiplyAdd(x, FloatLog2E, FloatRound);
        float n = shifted - FloatRound;
        float r = float.FusedMultiplyAdd(n, -FloatLn2High, x);
        r = float.FusedMultiplyAdd(n, -FloatLn2Low, r);
        var taylor = FloatTaylor;
        float p = taylor[0];
        for (int k = 1; k < taylor.Length; k++)
            p = float.FusedMultiplyAdd(p, r, taylor[k]);
        return p * BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(shifted) + FloatBias) << 23);
    }

    /// <summary>eˣ per lane (see the class remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(DoubleLow)), Vector512.Create(DoubleHigh));
        var shifted = Vector512.FusedMultiplyAdd(x, Vector512.Create(Log2E), Vector512.Create(DoubleRound));
        var n = shifted - Vector512.Create(DoubleRound);
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2High), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Low), r);
        var taylor = DoubleTaylor;
        var p = Vector512.Create(taylor[0]);
        for (int k = 1; k < taylor.Length; k++)
            p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(taylor[k]));
        return p * Vector512.ShiftLeft(shifted.AsInt64() + Vector512.Create(DoubleBias), 52).AsDouble();
    }

    /// <summary>eˣ per lane (see the class remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(FloatLow)), Vector512.Create(FloatHigh));
        var shifted = Vector512.FusedMultiplyAdd(x, Vector512.Create(FloatLog2E), Vector512.Create(FloatRound));
        var n = shifted - Vector512.Create(FloatRound);
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-FloatLn2High), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-FloatLn2Low), r);
        var taylor = FloatTaylor;
        var p = Vector512.Create(taylor[0]);
        for (int k = 1; k < taylor.Length; k++)
            p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(taylor[k]));
        return p * Vector512.ShiftLeft(shifted.AsInt32() + Vector512.Create(FloatBias), 23).AsSingle();
    }

    /// <summary>eˣ per lane (see the class remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(DoubleLow)), Vector256.Create(DoubleHigh));
        var shifted = Vector256.FusedMultiplyAdd(x, Vector256.Create(Log2E), Vector256.Create(DoubleRound));
        var n = shifted - Vector256.Create(DoubleRound);
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2High), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2Low), r);
        var taylor = DoubleTaylor;
        var p = Vector256.Create(taylor[0]);
        for (int k = 1; k < taylor.Length; k++)
            p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(taylor[k]));
        return p * Vector256.ShiftLeft(shifted.AsInt64() + Vector256.Create(DoubleBias), 52).AsDouble();
    }

    /// <summary>eˣ per lane (see the class remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(FloatLow)), Vector256.Create(FloatHigh));
        var shifted = Vector256.FusedMultiplyAdd(x, Vector256.Create(FloatLog2E), Vector256.Create(FloatRound));
        var n = shifted - Vector256.Create(FloatRound);
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-FloatLn2High), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-FloatLn2Low), r);
        var taylor = FloatTaylor;
        var p = Vector256.Create(taylor[0]);
        for (int k = 1; k < taylor.Length; k++)
            p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(taylor[k]));
        return p * Vector256.ShiftLeft(shifted.AsInt32() + Vector256.Create(FloatBias), 23).AsSingle();
    }

    /// <summary>eˣ per lane (see the class remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Exp(Vector128<double> x)
    {
        x = Vector128.Min(Vector128.Max(x, Vector128.Create(DoubleLow)), Vector128.Create(DoubleHigh));
        var shifted = Vector128.FusedMultiplyAdd(x, Vector128.Create(Log2E), Vector128.Create(DoubleRound));
        var n = shifted - Vector128.Create(DoubleRound);
        var r = Vector128.FusedMultiplyAdd(n, Vector128.Create(-Ln2High), x);
        r = Vector128.FusedMultiplyAdd(n, Vector128.Create(-Ln2Low), r);
        var taylor = DoubleTaylor;
        var p = Vector128.Create(taylor[0]);
        for (int k = 1; k < taylor.Length; k++)
            p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(taylor[k]));
        return p * Vector128.ShiftLeft(shifted.AsInt64() + Vector128.Create(DoubleBias), 52).AsDouble();
    }

    /// <summary>eˣ per lane (see the class remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x)
    {
        x = Vector128.Min(Vector128.Max(x, Vector128.Create(FloatLow)), Vector128.Create(FloatHigh));
        var shifted = Vector128.FusedMultiplyAdd(x, Vector128.Create(FloatLog2E), Vector128.Create(FloatRound));
        var n = shifted - Vector128.Create(FloatRound);
        var r = Vector128.FusedMultiplyAdd(n, Vector128.Create(-FloatLn2High), x);
        r = Vector128.FusedMultiplyAdd(n, Vector128.Create(-FloatLn2Low), r);
        var taylor = FloatTaylor;
        var p = Vector128.Create(taylor[0]);
        for (int k = 1; k < taylor.Length; k++)
            p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(taylor[k]));
        return p * Vector128.ShiftLeft(shifted.AsInt32() + Vector128.Create(FloatBias), 23).AsSingle();
    }
}
