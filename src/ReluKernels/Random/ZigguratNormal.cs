using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ReluKernels;

/// <summary>
/// Single-precision standard normals by the 128-layer ziggurat (Marsaglia &amp; Tsang 2000) from one 32-bit generator
/// word each on the fast path: the low 7 bits pick the layer i, bit 7 is the sign, the top 24 bits are the magnitude j,
/// and z = ±j·xᵢ·2⁻²⁴ is accepted when j &lt; <see cref="ZigguratTables.Accept"/>[i] (97.2% of words: Σᵢ ⌊2²⁴·xᵢ₋₁/xᵢ⌋ / 2³¹). The others go
/// to <see cref="ZigguratRejection"/>, which draws from the element's own sub-stream, so the value at stream position p
/// is a pure function of (seed, stream, p): bit-identical on every path and in every chunking.
/// </summary>
/// <remarks>
/// Used only by the weight-space collapse engines, whose speed is bound by their normals; everything else in
/// the project draws Box–Muller normals (<see cref="CounterRng.FillNormal(Span{float})"/>), whose values the documented
/// numbers rest on. The fast path is an integer compare, an exact int→float conversion and one multiply, so every path
/// rounds identically; the Vector512 path looks the tables up with two-table permutes instead of gathers.
/// </remarks>
internal static class ZigguratNormal
{
    /// <summary>The sign bit of a word.</summary>
    public const uint SignBit = 0x80;

    /// <summary>Fills <paramref name="destination"/> with normals from the next words of <paramref name="rng"/>.</summary>
    public static void Fill(Span<float> destination, ref CounterRng rng, KernelPath path = KernelPath.Auto)
    {
        var words = MemoryMarshal.Cast<float, uint>(destination);
        rng.Fill(words);
        Transform(words, rng.Seed, rng.StreamIndex, rng.Position - (ulong)words.Length, path);
    }

    /// <summary>
    /// Turns the words of <paramref name="values"/>, which are the stream's words from position <paramref name="first"/>
    /// on, into the bits of their normals in place.
    /// </summary>
    /// <exception cref="NotSupportedException">The path is not accelerated on this machine.</exception>
    public static void Transform(Span<uint> values, ulong seed, ulong stream, ulong first, KernelPath path = KernelPath.Auto)
    {
        path = KernelPaths.Resolve(path);
        int done = path == KernelPath.Vector512 && Avx512F.IsSupported ? Vector512Blocks(values, seed, stream, first) : 0;
        for (int i = done; i < values.Length; i++)
            values[i] = BitConverter.SingleToUInt32Bits(Scalar(values[i], seed, stream, first + (ulong)i));
    }

    /// <summary>The normal of <paramref name="word"/> at stream <paramref name="position"/>: the reference every path matches.</summary>
    public static float Scalar(uint word, ulong seed, ulong stream, ulong position) =>
        TryFast(word, out float value) ? value : ZigguratRejection.Resolve(word, seed, stream, position);

    /// <summary>The fast path: ±j·Step[i], and whether j lies below the layer's accept bound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFast(uint word, out float value)
    {
        int layer = (int)(word & (ZigguratTables.Layers - 1));
        uint magnitude = word >> 8;
        float x = magnitude * ZigguratTables.Step[layer];
        value = (word & SignBit) != 0 ? -x : x;
        return magnitude < ZigguratTables.Accept[layer];
    }

    /// <summary>The fast path on 16 words at a time; returns how many words it handled (whole vectors).</summary>
    private static int Vector512Blocks(Span<uint> values, ulong seed, ulong stream, ulong first)
    {
        ref uint v = ref MemoryMarshal.GetReference(values);
        var steps = new Table<float>(ZigguratTables.Step);
        var accepts = new Table<uint>(ZigguratTables.Accept);
        int whole = values.Length & ~15;
        for (int i = 0; i < whole; i += 16)
        {
            var word = Vector512.LoadUnsafe(ref v, (nuint)i);
            var layer = (word & Vector512.Create(127u)).AsInt32();
            // All-ones where bit 5 (bit 6) of the layer is set: which 32-entry quarter of a table the layer is in.
            var bit5 = Vector512.ShiftRightArithmetic(layer << 26, 31);
            var bit6 = Vector512.ShiftRightArithmetic(layer << 25, 31);
            var magnitude = word >>> 8;
            var x = Vector512.ConvertToSingle(magnitude.AsInt32()) * steps.Lookup(layer, bit5, bit6);
            var signed = x.AsUInt32() ^ ((word & Vector512.Create(SignBit)) << 24);
            signed.StoreUnsafe(ref v, (nuint)i);
            ulong rejected = Vector512.GreaterThanOrEqual(magnitude, accepts.Lookup(layer, bit5, bit6)).ExtractMostSignificantBits();
            while (rejected != 0)
            {
                int lane = BitOperations.TrailingZeroCount(rejected);
                rejected &= rejected - 1;
                ulong position = first + (ulong)(i + lane);
                Unsafe.Add(ref v, i + lane) = BitConverter.SingleToUInt32Bits(ZigguratRejection.Resolve(word.GetElement(lane), seed, stream, position));
            }
        }
        return whole;
    }

    /// <summary>A 128-entry table in eight registers, looked up per lane by four two-register permutes and three selects.</summary>
    private readonly struct Table<T>
        where T : unmanaged
    {
        private readonly Vector512<T> _t0, _t1, _t2, _t3, _t4, _t5, _t6, _t7;

        public Table(T[] entries)
        {
            ref T e = ref entries[0];
            _t0 = Vector512.LoadUnsafe(ref e, 0);
            _t1 = Vector512.LoadUnsafe(ref e, 16);
            _t2 = Vector512.LoadUnsafe(ref e, 32);
            _t3 = Vector512.LoadUnsafe(ref e, 48);
            _t4 = Vector512.LoadUnsafe(ref e, 64);
            _t5 = Vector512.LoadUnsafe(ref e, 80);
            _t6 = Vector512.LoadUnsafe(ref e, 96);
            _t7 = Vector512.LoadUnsafe(ref e, 112);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<T> Lookup(Vector512<int> layer, Vector512<int> bit5, Vector512<int> bit6)
        {
            // vpermt2d reads the low 5 bits of each index: entries 0..31 of the two registers it is given.
            var q0 = Avx512F.PermuteVar16x32x2(_t0.AsInt32(), layer, _t1.AsInt32());
            var q1 = Avx512F.PermuteVar16x32x2(_t2.AsInt32(), layer, _t3.AsInt32());
            var q2 = Avx512F.PermuteVar16x32x2(_t4.AsInt32(), layer, _t5.AsInt32());
            var q3 = Avx512F.PermuteVar16x32x2(_t6.AsInt32(), layer, _t7.AsInt32());
            var low = Vector512.ConditionalSelect(bit5, q1, q0);
            var high = Vector512.ConditionalSelect(bit5, q3, q2);
            return Vector512.ConditionalSelect(bit6, high, low).As<int, T>();
        }
    }
}
