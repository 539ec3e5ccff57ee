using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ReluKernels;

/// <summary>
/// The few lane-wise operations the RNG kernels need, over one vector width. <see cref="RngKernels{S, VU, VF, VL, VD}"/>
/// is written once against this interface and the JIT specialises it per implementation (all are structs), so the
/// Vector512, Vector256, Vector128 and scalar paths run literally the same sequence of IEEE operations.
/// </summary>
/// <remarks>
/// Determinism rule: only operations whose result IEEE 754 defines exactly are allowed here — integer ops, +, −, ×, ÷,
/// sqrt, compares, bit casts and int→float conversions (round-to-nearest-even). No fused multiply-add (hardware
/// availability differs between the ISA passes) and no estimate instructions (rsqrt/rcp differ between ISAs).
/// </remarks>
/// <typeparam name="VU">32-bit unsigned lanes.</typeparam>
/// <typeparam name="VF">Single-precision lanes (same lane count as <typeparamref name="VU"/>).</typeparam>
/// <typeparam name="VL">64-bit unsigned lanes (the same register as <typeparamref name="VU"/>, half the lanes).</typeparam>
/// <typeparam name="VD">Double-precision lanes (same lane count as <typeparamref name="VL"/>).</typeparam>
internal interface ISimdOps<VU, VF, VL, VD>
{
    /// <summary>32-bit lanes per <typeparamref name="VU"/>; the scalar implementation has 1 (and 64-bit ops use 2 words).</summary>
    static abstract int WordLanes { get; }

    static abstract VU LoadU(ref uint source);
    static abstract VL LoadL(ref uint source);
    static abstract void StoreU(ref uint destination, VU value);
    static abstract void StoreF(ref float destination, VF value);
    static abstract void StoreD(ref double destination, VD value);

    static abstract VU BroadcastU(uint value);
    /// <summary>Lanes <c>start, start + 1, …</c>.</summary>
    static abstract VU IotaU(uint start);
    static abstract VU XorU(VU a, VU b);
    static abstract VU OrU(VU a, VU b);
    static abstract VU AndU(VU a, VU b);
    static abstract VU SubU(VU a, VU b);
    static abstract VU ShiftLeftU(VU a, int count);
    static abstract VU ShiftRightU(VU a, int count);
    /// <summary>High words of the 64-bit products <c>x·multiplier</c>.</summary>
    static abstract VU MulHi(VU x, uint multiplier);
    /// <summary>Low words of the 64-bit products <c>x·multiplier</c>.</summary>
    static abstract VU MulLo(VU x, uint multiplier);
    /// <summary>Lanes reinterpreted as <see cref="int"/> and converted (exact below 2^24, else round-to-nearest-even).</summary>
    static abstract VF ConvertIntToF(VU value);
    static abstract VF AsF(VU value);
    static abstract VU AsU(VF value);

    static abstract VF BroadcastF(float value);
    static abstract VF AddF(VF a, VF b);
    static abstract VF SubF(VF a, VF b);
    static abstract VF MulF(VF a, VF b);
    static abstract VF SqrtF(VF a);
    static abstract VF LessThanF(VF a, VF b);
    static abstract VF AndF(VF a, VF b);
    static abstract VF SelectF(VF mask, VF whenTrue, VF whenFalse);

    static abstract VL BroadcastL(ulong value);
    static abstract VL XorL(VL a, VL b);
    static abstract VL OrL(VL a, VL b);
    static abstract VL AndL(VL a, VL b);
    static abstract VL SubL(VL a, VL b);
    static abstract VL ShiftLeftL(VL a, int count);
    static abstract VL ShiftRightL(VL a, int count);
    static abstract VD AsD(VL value);
    static abstract VL AsL(VD value);

    static abstract VD BroadcastD(double value);
    static abstract VD AddD(VD a, VD b);
    static abstract VD SubD(VD a, VD b);
    static abstract VD MulD(VD a, VD b);
    static abstract VD DivD(VD a, VD b);
    static abstract VD SqrtD(VD a);
    static abstract VD GreaterThanD(VD a, VD b);
    static abstract VD AndD(VD a, VD b);
    static abstract VD SelectD(VD mask, VD whenTrue, VD whenFalse);
}

/// <summary>Scalar lanes: the reference semantics, used for heads, tails and the per-element API.</summary>
internal readonly struct ScalarOps : ISimdOps<uint, float, ulong, double>
{
    public static int WordLanes => 1;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint LoadU(ref uint source) => source;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong LoadL(ref uint source) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<uint, byte>(ref source));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreU(ref uint destination, uint value) => destination = value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreF(ref float destination, float value) => destination = value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreD(ref double destination, double value) => destination = value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint BroadcastU(uint value) => value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint IotaU(uint start) => start;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint XorU(uint a, uint b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint OrU(uint a, uint b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint AndU(uint a, uint b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint SubU(uint a, uint b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint ShiftLeftU(uint a, int count) => a << count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint ShiftRightU(uint a, int count) => a >> count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint MulHi(uint x, uint multiplier) => (uint)(((ulong)x * multiplier) >> 32);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint MulLo(uint x, uint multiplier) => x * multiplier;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float ConvertIntToF(uint value) => (int)value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float AsF(uint value) => BitConverter.UInt32BitsToSingle(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint AsU(float value) => BitConverter.SingleToUInt32Bits(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float BroadcastF(float value) => value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float AddF(float a, float b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float SubF(float a, float b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float MulF(float a, float b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float SqrtF(float a) => MathF.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float LessThanF(float a, float b) => a < b ? BitConverter.UInt32BitsToSingle(~0u) : 0f;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float AndF(float a, float b) => BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(a) & BitConverter.SingleToUInt32Bits(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float SelectF(float mask, float whenTrue, float whenFalse) => BitConverter.SingleToUInt32Bits(mask) != 0 ? whenTrue : whenFalse;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong BroadcastL(ulong value) => value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong XorL(ulong a, ulong b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong OrL(ulong a, ulong b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong AndL(ulong a, ulong b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong SubL(ulong a, ulong b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong ShiftLeftL(ulong a, int count) => a << count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong ShiftRightL(ulong a, int count) => a >> count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double AsD(ulong value) => BitConverter.UInt64BitsToDouble(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong AsL(double value) => BitConverter.DoubleToUInt64Bits(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double BroadcastD(double value) => value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double AddD(double a, double b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double SubD(double a, double b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double MulD(double a, double b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double DivD(double a, double b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double SqrtD(double a) => Math.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double GreaterThanD(double a, double b) => a > b ? BitConverter.UInt64BitsToDouble(~0ul) : 0d;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double AndD(double a, double b) => BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(a) & BitConverter.DoubleToUInt64Bits(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double SelectD(double mask, double whenTrue, double whenFalse) => BitConverter.DoubleToUInt64Bits(mask) != 0 ? whenTrue : whenFalse;
}

/// <summary>512-bit lanes (16 words).</summary>
internal readonly struct Simd512Ops : ISimdOps<Vector512<uint>, Vector512<float>, Vector512<ulong>, Vector512<double>>
{
    public static int WordLanes => Vector512<uint>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<uint> LoadU(ref uint source) => Vector512.LoadUnsafe(ref source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> LoadL(ref uint source) => Vector512.LoadUnsafe(ref source).AsUInt64();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreU(ref uint destination, Vector512<uint> value) => value.StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreF(ref float destination, Vector512<float> value) => value.StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreD(ref double destination, Vector512<double> value) => value.StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<uint> BroadcastU(uint value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<uint> IotaU(uint start) => Vector512.Create(start) + Vector512<uint>.Indices;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<uint> XorU(Vector512<uint> a, Vector512<uint> b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<uint> OrU(Vector512<uint> a, Vector512<uint> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<uint> AndU(Vector512<uint> a, Vector512<uint> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<uint> SubU(Vector512<uint> a, Vector512<uint> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<uint> ShiftLeftU(Vector512<uint> a, int count) => a << count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<uint> ShiftRightU(Vector512<uint> a, int count) => a >>> count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> MulHi(Vector512<uint> x, uint multiplier)
    {
        var m = Vector512.Create(multiplier);
        if (Avx512F.IsSupported)
        {
            // (v)pmuludq multiplies the even 32-bit lanes into 64-bit products; shifting the odd lanes down gives the rest.
            var even = Avx512F.Multiply(x, m);
            var odd = Avx512F.Multiply((x.AsUInt64() >>> 32).AsUInt32(), m);
            return ((even >>> 32) | (odd & Vector512.Create(0xFFFF_FFFF_0000_0000UL))).AsUInt32();
        }
        // Portable: widen to 64-bit lanes, multiply, keep the high halves.
        var (lower, upper) = Vector512.Widen(x);
        var m64 = Vector512.Create((ulong)multiplier);
        return Vector512.Narrow((lower * m64) >>> 32, (upper * m64) >>> 32);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<uint> MulLo(Vector512<uint> x, uint multiplier) => x * Vector512.Create(multiplier);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> ConvertIntToF(Vector512<uint> value) => Vector512.ConvertToSingle(value.AsInt32());
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> AsF(Vector512<uint> value) => value.AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<uint> AsU(Vector512<float> value) => value.AsUInt32();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> BroadcastF(float value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> AddF(Vector512<float> a, Vector512<float> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> SubF(Vector512<float> a, Vector512<float> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> MulF(Vector512<float> a, Vector512<float> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> SqrtF(Vector512<float> a) => Vector512.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> LessThanF(Vector512<float> a, Vector512<float> b) => Vector512.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> AndF(Vector512<float> a, Vector512<float> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> SelectF(Vector512<float> mask, Vector512<float> whenTrue, Vector512<float> whenFalse) => Vector512.ConditionalSelect(mask, whenTrue, whenFalse);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> BroadcastL(ulong value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> XorL(Vector512<ulong> a, Vector512<ulong> b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> OrL(Vector512<ulong> a, Vector512<ulong> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> AndL(Vector512<ulong> a, Vector512<ulong> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> SubL(Vector512<ulong> a, Vector512<ulong> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> ShiftLeftL(Vector512<ulong> a, int count) => a << count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> ShiftRightL(Vector512<ulong> a, int count) => a >>> count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> AsD(Vector512<ulong> value) => value.AsDouble();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<ulong> AsL(Vector512<double> value) => value.AsUInt64();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> BroadcastD(double value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> AddD(Vector512<double> a, Vector512<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> SubD(Vector512<double> a, Vector512<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> MulD(Vector512<double> a, Vector512<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> DivD(Vector512<double> a, Vector512<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> SqrtD(Vector512<double> a) => Vector512.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> GreaterThanD(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> AndD(Vector512<double> a, Vector512<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> SelectD(Vector512<double> mask, Vector512<double> whenTrue, Vector512<double> whenFalse) => Vector512.ConditionalSelect(mask, whenTrue, whenFalse);
}

/// <summary>256-bit lanes (8 words).</summary>
internal readonly struct Simd256Ops : ISimdOps<Vector256<uint>, Vector256<float>, Vector256<ulong>, Vector256<double>>
{
    public static int WordLanes => Vector256<uint>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<uint> LoadU(ref uint source) => Vector256.LoadUnsafe(ref source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> LoadL(ref uint source) => Vector256.LoadUnsafe(ref source).AsUInt64();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreU(ref uint destination, Vector256<uint> value) => value.StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreF(ref float destination, Vector256<float> value) => value.StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreD(ref double destination, Vector256<double> value) => value.StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<uint> BroadcastU(uint value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<uint> IotaU(uint start) => Vector256.Create(start) + Vector256<uint>.Indices;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<uint> XorU(Vector256<uint> a, Vector256<uint> b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<uint> OrU(Vector256<uint> a, Vector256<uint> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<uint> AndU(Vector256<uint> a, Vector256<uint> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<uint> SubU(Vector256<uint> a, Vector256<uint> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<uint> ShiftLeftU(Vector256<uint> a, int count) => a << count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<uint> ShiftRightU(Vector256<uint> a, int count) => a >>> count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> MulHi(Vector256<uint> x, uint multiplier)
    {
        var m = Vector256.Create(multiplier);
        if (Avx2.IsSupported)
        {
            // (v)pmuludq multiplies the even 32-bit lanes into 64-bit products; shifting the odd lanes down gives the rest.
            var even = Avx2.Multiply(x, m);
            var odd = Avx2.Multiply((x.AsUInt64() >>> 32).AsUInt32(), m);
            return ((even >>> 32) | (odd & Vector256.Create(0xFFFF_FFFF_0000_0000UL))).AsUInt32();
        }
        // Portable: widen to 64-bit lanes, multiply, keep the high halves.
        var (lower, upper) = Vector256.Widen(x);
        var m64 = Vector256.Create((ulong)multiplier);
        return Vector256.Narrow((lower * m64) >>> 32, (upper * m64) >>> 32);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<uint> MulLo(Vector256<uint> x, uint multiplier) => x * Vector256.Create(multiplier);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> ConvertIntToF(Vector256<uint> value) => Vector256.ConvertToSingle(value.AsInt32());
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> AsF(Vector256<uint> value) => value.AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<uint> AsU(Vector256<float> value) => value.AsUInt32();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> BroadcastF(float value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> AddF(Vector256<float> a, Vector256<float> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> SubF(Vector256<float> a, Vector256<float> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> MulF(Vector256<float> a, Vector256<float> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> SqrtF(Vector256<float> a) => Vector256.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> LessThanF(Vector256<float> a, Vector256<float> b) => Vector256.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> AndF(Vector256<float> a, Vector256<float> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> SelectF(Vector256<float> mask, Vector256<float> whenTrue, Vector256<float> whenFalse) => Vector256.ConditionalSelect(mask, whenTrue, whenFalse);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> BroadcastL(ulong value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> XorL(Vector256<ulong> a, Vector256<ulong> b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> OrL(Vector256<ulong> a, Vector256<ulong> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> AndL(Vector256<ulong> a, Vector256<ulong> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> SubL(Vector256<ulong> a, Vector256<ulong> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> ShiftLeftL(Vector256<ulong> a, int count) => a << count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> ShiftRightL(Vector256<ulong> a, int count) => a >>> count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> AsD(Vector256<ulong> value) => value.AsDouble();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<ulong> AsL(Vector256<double> value) => value.AsUInt64();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> BroadcastD(double value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> AddD(Vector256<double> a, Vector256<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> SubD(Vector256<double> a, Vector256<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> MulD(Vector256<double> a, Vector256<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> DivD(Vector256<double> a, Vector256<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> SqrtD(Vector256<double> a) => Vector256.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> GreaterThanD(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> AndD(Vector256<double> a, Vector256<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> SelectD(Vector256<double> mask, Vector256<double> whenTrue, Vector256<double> whenFalse) => Vector256.ConditionalSelect(mask, whenTrue, whenFalse);
}

/// <summary>128-bit lanes (4 words).</summary>
internal readonly struct Simd128Ops : ISimdOps<Vector128<uint>, Vector128<float>, Vector128<ulong>, Vector128<double>>
{
    public static int WordLanes => Vector128<uint>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<uint> LoadU(ref uint source) => Vector128.LoadUnsafe(ref source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<ulong> LoadL(ref uint source) => Vector128.LoadUnsafe(ref source).AsUInt64();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreU(ref uint destination, Vector128<uint> value) => value.StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreF(ref float destination, Vector128<float> value) => value.StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreD(ref double destination, Vector128<double> value) => value.StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<uint> BroadcastU(uint value) => Vector128.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<uint> IotaU(uint start) => Vector128.Create(start) + Vector128<uint>.Indices;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<uint> XorU(Vector128<uint> a, Vector128<uint> b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<uint> OrU(Vector128<uint> a, Vector128<uint> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<uint> AndU(Vector128<uint> a, Vector128<uint> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<uint> SubU(Vector128<uint> a, Vector128<uint> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<uint> ShiftLeftU(Vector128<uint> a, int count) => a << count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<uint> ShiftRightU(Vector128<uint> a, int count) => a >>> count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> MulHi(Vector128<uint> x, uint multiplier)
    {
        var m = Vector128.Create(multiplier);
        if (Sse2.IsSupported)
        {
            // (v)pmuludq multiplies the even 32-bit lanes into 64-bit products; shifting the odd lanes down gives the rest.
            var even = Sse2.Multiply(x, m);
            var odd = Sse2.Multiply((x.AsUInt64() >>> 32).AsUInt32(), m);
            return ((even >>> 32) | (odd & Vector128.Create(0xFFFF_FFFF_0000_0000UL))).AsUInt32();
        }
        // Portable: widen to 64-bit lanes, multiply, keep the high halves.
        var (lower, upper) = Vector128.Widen(x);
        var m64 = Vector128.Create((ulong)multiplier);
        return Vector128.Narrow((lower * m64) >>> 32, (upper * m64) >>> 32);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<uint> MulLo(Vector128<uint> x, uint multiplier) => x * Vector128.Create(multiplier);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> ConvertIntToF(Vector128<uint> value) => Vector128.ConvertToSingle(value.AsInt32());
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> AsF(Vector128<uint> value) => value.AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<uint> AsU(Vector128<float> value) => value.AsUInt32();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> BroadcastF(float value) => Vector128.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> AddF(Vector128<float> a, Vector128<float> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> SubF(Vector128<float> a, Vector128<float> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> MulF(Vector128<float> a, Vector128<float> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> SqrtF(Vector128<float> a) => Vector128.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> LessThanF(Vector128<float> a, Vector128<float> b) => Vector128.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> AndF(Vector128<float> a, Vector128<float> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> SelectF(Vector128<float> mask, Vector128<float> whenTrue, Vector128<float> whenFalse) => Vector128.ConditionalSelect(mask, whenTrue, whenFalse);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<ulong> BroadcastL(ulong value) => Vector128.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<ulong> XorL(Vector128<ulong> a, Vector128<ulong> b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<ulong> OrL(Vector128<ulong> a, Vector128<ulong> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<ulong> AndL(Vector128<ulong> a, Vector128<ulong> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<ulong> SubL(Vector128<ulong> a, Vector128<ulong> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<ulong> ShiftLeftL(Vector128<ulong> a, int count) => a << count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<ulong> ShiftRightL(Vector128<ulong> a, int count) => a >>> count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> AsD(Vector128<ulong> value) => value.AsDouble();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<ulong> AsL(Vector128<double> value) => value.AsUInt64();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> BroadcastD(double value) => Vector128.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> AddD(Vector128<double> a, Vector128<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> SubD(Vector128<double> a, Vector128<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> MulD(Vector128<double> a, Vector128<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> DivD(Vector128<double> a, Vector128<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> SqrtD(Vector128<double> a) => Vector128.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> GreaterThanD(Vector128<double> a, Vector128<double> b) => Vector128.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> AndD(Vector128<double> a, Vector128<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> SelectD(Vector128<double> mask, Vector128<double> whenTrue, Vector128<double> whenFalse) => Vector128.ConditionalSelect(mask, whenTrue, whenFalse);
}
