using System.Runtime.Intrinsics;

namespace ReluKernels;

/// <summary>
/// The handful of per-lane operations <see cref="KernelMath"/>'s tanh and erf are written in, for one vector width (or
/// scalars) of one element type. Each function is written once, generic over this table, so every path performs the same
/// IEEE operations in the same order by construction; the JIT specialises the generic code per struct.
/// </summary>
/// <typeparam name="TV">A vector of the element type, or the element type itself for the scalar path.</typeparam>
internal interface ILanes<TV> where TV : struct
{
    /// <summary><paramref name="value"/> rounded to the element type, in every lane.</summary>
    static abstract TV Create(double value);

    static abstract TV Add(TV a, TV b);

    static abstract TV Subtract(TV a, TV b);

    static abstract TV Multiply(TV a, TV b);

    static abstract TV Divide(TV a, TV b);

    /// <summary>a·b + c with one rounding.</summary>
    static abstract TV Fma(TV a, TV b, TV c);

    static abstract TV Negate(TV a);

    static abstract TV Abs(TV a);

    /// <summary>IEEE minimum (NaN propagates).</summary>
    static abstract TV Min(TV a, TV b);

    /// <summary>|<paramref name="value"/>| with the sign bit of <paramref name="sign"/>.</summary>
    static abstract TV CopySign(TV value, TV sign);

    /// <summary><paramref name="ifTrue"/> where a &lt; b, else <paramref name="ifFalse"/> (false for NaN).</summary>
    static abstract TV WhereLess(TV a, TV b, TV ifTrue, TV ifFalse);

    /// <summary><see cref="KernelMath"/>'s eˣ.</summary>
    static abstract TV Exp(TV x);
}

// One table per path and element type: each member is the single operation its name says, nothing else.

internal readonly struct ScalarDoubleLanes : ILanes<double>
{
    public static double Create(double value) => value;
    public static double Add(double a, double b) => a + b;
    public static double Subtract(double a, double b) => a - b;
    public static double Multiply(double a, double b) => a * b;
    public static double Divide(double a, double b) => a / b;
    public static double Fma(double a, double b, double c) => double.FusedMultiplyAdd(a, b, c);
    public static double Negate(double a) => -a;
    public static double Abs(double a) => Math.Abs(a);
    public static double Min(double a, double b) => Math.Min(a, b);
    public static double CopySign(double value, double sign) => double.CopySign(value, sign);
    public static double WhereLess(double a, double b, double ifTrue, double ifFalse) => a < b ? ifTrue : ifFalse;
    public static double Exp(double x) => KernelMath.Exp(x);
}

internal readonly struct ScalarFloatLanes : ILanes<float>
{
    public static float Create(double value) => (float)value;
    public static float Add(float a, float b) => a + b;
    public static float Subtract(float a, float b) => a - b;
    public static float Multiply(float a, float b) => a * b;
    public static float Divide(float a, float b) => a / b;
    public static float Fma(float a, float b, float c) => float.FusedMultiplyAdd(a, b, c);
    public static float Negate(float a) => -a;
    public static float Abs(float a) => MathF.Abs(a);
    public static float Min(float a, float b) => MathF.Min(a, b);
    public static float CopySign(float value, float sign) => float.CopySign(value, sign);
    public static float WhereLess(float a, float b, float ifTrue, float ifFalse) => a < b ? ifTrue : ifFalse;
    public static float Exp(float x) => KernelMath.Exp(x);
}

internal readonly struct Vector128DoubleLanes : ILanes<Vector128<double>>
{
    public static Vector128<double> Create(double value) => Vector128.Create(value);
    public static Vector128<double> Add(Vector128<double> a, Vector128<double> b) => a + b;
    public static Vector128<double> Subtract(Vector128<double> a, Vector128<double> b) => a - b;
    public static Vector128<double> Multiply(Vector128<double> a, Vector128<double> b) => a * b;
    public static Vector128<double> Divide(Vector128<double> a, Vector128<double> b) => a / b;
    public static Vector128<double> Fma(Vector128<double> a, Vector128<double> b, Vector128<double> c) => Vector128.FusedMultiplyAdd(a, b, c);
    public static Vector128<double> Negate(Vector128<double> a) => -a;
    public static Vector128<double> Abs(Vector128<double> a) => Vector128.Abs(a);
    public static Vector128<double> Min(Vector128<double> a, Vector128<double> b) => Vector128.Min(a, b);
    public static Vector128<double> CopySign(Vector128<double> value, Vector128<double> sign) => Vector128.CopySign(value, sign);
    public static Vector128<double> WhereLess(Vector128<double> a, Vector128<double> b, Vector128<double> ifTrue, Vector128<double> ifFalse) =>
        Vector128.ConditionalSelect(Vector128.LessThan(a, b), ifTrue, ifFalse);
    public static Vector128<double> Exp(Vector128<double> x) => KernelMath.Exp(x);
}

internal readonly struct Vector128FloatLanes : ILanes<Vector128<float>>
{
    public static Vector128<float> Create(double value) => Vector128.Create((float)value);
    public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;
    public static Vector128<float> Subtract(Vector128<float> a, Vector128<float> b) => a - b;
    public static Vector128<float> Multiply(Vector128<float> a, Vector128<float> b) => a * b;
    public static Vector128<float> Divide(Vector128<float> a, Vector128<float> b) => a / b;
    public static Vector128<float> Fma(Vector128<float> a, Vector128<float> b, Vector128<float> c) => Vector128.FusedMultiplyAdd(a, b, c);
    public static Vector128<float> Negate(Vector128<float> a) => -a;
    public static Vector128<float> Abs(Vector128<float> a) => Vector128.Abs(a);
    public static Vector128<float> Min(Vector128<float> a, Vector128<float> b) => Vector128.Min(a, b);
    public static Vector128<float> CopySign(Vector128<float> value, Vector128<float> sign) => Vector128.CopySign(value, sign);
    public static Vector128<float> WhereLess(Vector128<float> a, Vector128<float> b, Vector128<float> ifTrue, Vector128<float> ifFalse) =>
        Vector128.ConditionalSelect(Vector128.LessThan(a, b), ifTrue, ifFalse);
    public static Vector128<float> Exp(Vector128<float> x) => KernelMath.Exp(x);
}

internal readonly struct Vector256DoubleLanes : ILanes<Vector256<double>>
{
    public static Vector256<double> Create(double value) => Vector256.Create(value);
    public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;
    public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;
    public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> b) => a * b;
    public static Vector256<double> Divide(Vector256<double> a, Vector256<double> b) => a / b;
    public static Vector256<double> Fma(Vector256<double> a, Vector256<double> b, Vector256<double> c) => Vector256.FusedMultiplyAdd(a, b, c);
    public static Vector256<double> Negate(Vector256<double> a) => -a;
    public static Vector256<double> Abs(Vector256<double> a) => Vector256.Abs(a);
    public static Vector256<double> Min(Vector256<double> a, Vector256<double> b) => Vector256.Min(a, b);
    public static Vector256<double> CopySign(Vector256<double> value, Vector256<double> sign) => Vector256.CopySign(value, sign);
    public static Vector256<double> WhereLess(Vector256<double> a, Vector256<double> b, Vector256<double> ifTrue, Vector256<double> ifFalse) =>
        Vector256.ConditionalSelect(Vector256.LessThan(a, b), ifTrue, ifFalse);
    public static Vector256<double> Exp(Vector256<double> x) => KernelMath.Exp(x);
}

internal readonly struct Vector256FloatLanes : ILanes<Vector256<float>>
{
    public static Vector256<float> Create(double value) => Vector256.Create((float)value);
    public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;
    public static Vector256<float> Subtract(Vector256<float> a, Vector256<float> b) => a - b;
    public static Vector256<float> Multiply(Vector256<float> a, Vector256<float> b) => a * b;
    public static Vector256<float> Divide(Vector256<float> a, Vector256<float> b) => a / b;
    public static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);
    public static Vector256<float> Negate(Vector256<float> a) => -a;
    public static Vector256<float> Abs(Vector256<float> a) => Vector256.Abs(a);
    public static Vector256<float> Min(Vector256<float> a, Vector256<float> b) => Vector256.Min(a, b);
    public static Vector256<float> CopySign(Vector256<float> value, Vector256<float> sign) => Vector256.CopySign(value, sign);
    public static Vector256<float> WhereLess(Vector256<float> a, Vector256<float> b, Vector256<float> ifTrue, Vector256<float> ifFalse) =>
        Vector256.ConditionalSelect(Vector256.LessThan(a, b), ifTrue, ifFalse);
    public static Vector256<float> Exp(Vector256<float> x) => KernelMath.Exp(x);
}

internal readonly struct Vector512DoubleLanes : ILanes<Vector512<double>>
{
    public static Vector512<double> Create(double value) => Vector512.Create(value);
    public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;
    public static Vector512<double> Subtract(Vector512<double> a, Vector512<double> b) => a - b;
    public static Vector512<double> Multiply(Vector512<double> a, Vector512<double> b) => a * b;
    public static Vector512<double> Divide(Vector512<double> a, Vector512<double> b) => a / b;
    public static Vector512<double> Fma(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Vector512.FusedMultiplyAdd(a, b, c);
    public static Vector512<double> Negate(Vector512<double> a) => -a;
    public static Vector512<double> Abs(Vector512<double> a) => Vector512.Abs(a);
    public static Vector512<double> Min(Vector512<double> a, Vector512<double> b) => Vector512.Min(a, b);
    public static Vector512<double> CopySign(Vector512<double> value, Vector512<double> sign) => Vector512.CopySign(value, sign);
    public static Vector512<double> WhereLess(Vector512<double> a, Vector512<double> b, Vector512<double> ifTrue, Vector512<double> ifFalse) =>
        Vector512.ConditionalSelect(Vector512.LessThan(a, b), ifTrue, ifFalse);
    public static Vector512<double> Exp(Vector512<double> x) => KernelMath.Exp(x);
}

internal readonly struct Vector512FloatLanes : ILanes<Vector512<float>>
{
    public static Vector512<float> Create(double value) => Vector512.Create((float)value);
    public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;
    public static Vector512<float> Subtract(Vector512<float> a, Vector512<float> b) => a - b;
    public static Vector512<float> Multiply(Vector512<float> a, Vector512<float> b) => a * b;
    public static Vector512<float> Divide(Vector512<float> a, Vector512<float> b) => a / b;
    public static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);
    public static Vector512<float> Negate(Vector512<float> a) => -a;
    public static Vector512<float> Abs(Vector512<float> a) => Vector512.Abs(a);
    public static Vector512<float> Min(Vector512<float> a, Vector512<float> b) => Vector512.Min(a, b);
    public static Vector512<float> CopySign(Vector512<float> value, Vector512<float> sign) => Vector512.CopySign(value, sign);
    public static Vector512<float> WhereLess(Vector512<float> a, Vector512<float> b, Vector512<float> ifTrue, Vector512<float> ifFalse) =>
        Vector512.ConditionalSelect(Vector512.LessThan(a, b), ifTrue, ifFalse);
    public static Vector512<float> Exp(Vector512<float> x) => KernelMath.Exp(x);
}
