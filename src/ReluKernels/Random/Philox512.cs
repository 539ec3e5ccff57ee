using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ReluKernels;

/// <summary>
/// The AVX-512 specialisation of the block fills: Philox4x32-10 laid out for <c>vpmuludq</c>, with the Box–Muller
/// transforms fed straight from registers (no 256-byte block buffer in between). It computes exactly the words of
/// <see cref="RngKernels{S, VU, VF, VL, VD}.PhiloxBlock"/> and then calls the shared element transforms on them, so the
/// values are bit-identical to every other path; only the instruction schedule differs.
/// </summary>
/// <remarks>
/// <para><b>Why a different Philox layout.</b> The generic kernel keeps one counter per 32-bit lane, so every round needs
/// two <c>vpmuludq</c> (even lanes, then odd lanes shifted down), a merge of their high words and a separate
/// <c>vpmulld</c> for the low words, all on one serial dependency chain per block. Here the 16 counters of a block
/// live in two vectors of eight 64-bit lanes (even counters, odd counters), each counter word in the low half of its
/// lane. One <c>vpmuludq</c> then yields the whole 64-bit product: its low half is <c>lo</c>, and a 64-bit shift gives
/// <c>hi</c>. The upper halves of the lanes carry garbage that is never read: <c>vpmuludq</c> only reads the low halves,
/// and the XORs are bitwise, so each low half depends only on low halves. A round is thus one multiply, one shift and
/// one three-way XOR (<c>vpternlogq</c>) per multiplier (was: five vector operations plus a <c>vpmulld</c>), and the two
/// halves are two independent dependency chains.</para>
/// <para><b>Constant rounds.</b> Within a block only counter word 0 varies by lane; words 1–3 (counter high, stream)
/// are the same in every lane. So the <c>M1·c2</c> product of round 0 and the <c>M0·c0</c> product of round 1 are
/// scalars, computed on the integer unit: 2 of the 20 vector multiplies of a block are saved.</para>
/// <para><b>Repacking.</b> At the end, <c>vpermt2d</c> interleaves the low halves of the even- and odd-counter vectors
/// into one row of 16 words in counter order: exactly row <c>j</c> of the block. Read as eight 64-bit values the same
/// vector is the double-precision row (slots <c>2q, 2q+1</c>), so both precisions share it.</para>
/// <para><b>Tried and dropped</b> (slower on the Zen 5 box, see <c>docs/rng-and-initializers.md</c>): round keys
/// precomputed once per fill as vectors (faster Philox alone, slower fill), two Box–Muller evaluations interleaved
/// instruction by instruction, and selects/masked forms for the log's range reduction (slower on Vector256).</para>
/// </remarks>
internal static class Philox512
{
    /// <summary>Whether this path can run (it needs <c>vpmuludq</c>, <c>vpternlogq</c> and <c>vpermt2d</c> on zmm).</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>
    /// Philox4x32-10 of the 16 counters of block <paramref name="block"/>, as its four rows (row <c>j</c> lane <c>i</c> =
    /// output word <c>j</c> of counter <c>16·block + i</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Block(ulong block, ulong seed, ulong stream,
        out Vector512<uint> x0, out Vector512<uint> x1, out Vector512<uint> x2, out Vector512<uint> x3)
    {
        uint counterHigh = (uint)(block >> 28), k0 = (uint)seed, k1 = (uint)(seed >> 32);
        uint streamLow = (uint)stream, streamHigh = (uint)(stream >> 32);
        var m0 = Vector512.Create((ulong)Philox4x32.M0);
        var m1 = Vector512.Create((ulong)Philox4x32.M1);

        // Round 0. c0 = counter low (per lane); c1, c2, c3 are lane-invariant, so M1·c2 is a scalar product.
        var counter = Vector512.Create((ulong)(uint)(block << 4));
        Vector512<ulong> ce = counter + EvenCounters, co = counter + OddCounters;
        ulong p1s = (ulong)Philox4x32.M1 * streamLow;
        uint c0s = (uint)(p1s >> 32) ^ counterHigh ^ k0, c1s = (uint)p1s;     // round-0 c0 and c1: scalars
        var pe = Avx512F.Multiply(ce.AsUInt32(), m0.AsUInt32());
        var po = Avx512F.Multiply(co.AsUInt32(), m0.AsUInt32());
        var kb = Vector512.Create((ulong)(streamHigh ^ k1));
        Vector512<ulong> c2e = (pe >>> 32) ^ kb, c2o = (po >>> 32) ^ kb;                   // round-0 c2
        Vector512<ulong> c3e = pe, c3o = po;                                              // round-0 c3

        // Round 1. c0 is a scalar, so M0·c0 is too; M1·c2 is per lane.
        uint a = k0 + Philox4x32.W0, b = k1 + Philox4x32.W1;
        ulong p0s = (ulong)Philox4x32.M0 * c0s;
        var ka = Vector512.Create((ulong)(c1s ^ a));
        pe = Avx512F.Multiply(c2e.AsUInt32(), m1.AsUInt32());
        po = Avx512F.Multiply(c2o.AsUInt32(), m1.AsUInt32());
        Vector512<ulong> c0e = (pe >>> 32) ^ ka, c0o = (po >>> 32) ^ ka;
        Vector512<ulong> c1e = pe, c1o = po;
        kb = Vector512.Create((ulong)((uint)(p0s >> 32) ^ b));
        c2e = c3e ^ kb;
        c2o = c3o ^ kb;
        c3e = c3o = Vector512.Create((ulong)(uint)p0s);

        // Rounds 2..9: the general round on both halves.
        for (int r = 2; r < Philox4x32.Rounds; r++)
        {
            a += Philox4x32.W0;
            b += Philox4x32.W1;
            var ka2 = Vector512.Create((ulong)a);
            var kb2 = Vector512.Create((ulong)b);
            var q0e = Avx512F.Multiply(c0e.AsUInt32(), m0.AsUInt32());
            var q0o = Avx512F.Multiply(c0o.AsUInt32(), m0.AsUInt32());
            var q1e = Avx512F.Multiply(c2e.AsUInt32(), m1.AsUInt32());
            var q1o = Avx512F.Multiply(c2o.AsUInt32(), m1.AsUInt32());
            c0e = Avx512F.TernaryLogic(q1e >>> 32, c1e, ka2, Xor3);
            c0o = Avx512F.TernaryLogic(q1o >>> 32, c1o, ka2, Xor3);
            c1e = q1e;
            c1o = q1o;
            c2e = Avx512F.TernaryLogic(q0e >>> 32, c3e, kb2, Xor3);
            c2o = Avx512F.TernaryLogic(q0o >>> 32, c3o, kb2, Xor3);
            c3e = q0e;
            c3o = q0o;
        }

        x0 = Avx512F.PermuteVar16x32x2(c0e.AsUInt32(), Interleave, c0o.AsUInt32());
        x1 = Avx512F.PermuteVar16x32x2(c1e.AsUInt32(), Interleave, c1o.AsUInt32());
        x2 = Avx512F.PermuteVar16x32x2(c2e.AsUInt32(), Interleave, c2o.AsUInt32());
        x3 = Avx512F.PermuteVar16x32x2(c3e.AsUInt32(), Interleave, c3o.AsUInt32());
    }

    /// <summary><c>vpternlog</c> truth table of <c>a ⊕ b ⊕ c</c>.</summary>
    private const byte Xor3 = 0x96;

    private static Vector512<ulong> EvenCounters
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(0UL, 2, 4, 6, 8, 10, 12, 14);
    }
    private static Vector512<ulong> OddCounters
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(1UL, 3, 5, 7, 9, 11, 13, 15);
    }

    /// <summary>Word <c>2l</c> from the low half of even lane <c>l</c>, word <c>2l + 1</c> from odd lane <c>l</c> (index + 16).</summary>
    private static Vector512<uint> Interleave
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(0u, 16, 2, 18, 4, 20, 6, 22, 8, 24, 10, 26, 12, 28, 14, 30);
    }

    // The block loops below are software-pipelined: the Philox rounds of block i + 1 are issued before the Box–Muller
    // of block i. Both are long dependency chains; placed next to each other in program order, the out-of-order core
    // overlaps them (measured +14% for floats) instead of waiting on one before it reaches the other.

    /// <summary>Single-precision normals of <paramref name="blocks"/> (≥ 1) whole blocks (64 a block) to <paramref name="destination"/>.</summary>
    public static void NormalSingle(ref float destination, long blocks, ulong firstBlock, ulong seed, ulong stream)
    {
        Block(firstBlock, seed, stream, out var x0, out var x1, out var x2, out var x3);
        for (long i = 0; i < blocks; i++)
        {
            Vector512<uint> y0 = default, y1 = default, y2 = default, y3 = default;
            if (i + 1 < blocks)
                Block(firstBlock + (ulong)i + 1, seed, stream, out y0, out y1, out y2, out y3);
            ref float d = ref Unsafe.Add(ref destination, (nint)(i * 64));
            RngKernels<Simd512Ops, Vector512<uint>, Vector512<float>, Vector512<ulong>, Vector512<double>>.BoxMullerF(x0, x1, ref d, ref Unsafe.Add(ref d, 16));
            RngKernels<Simd512Ops, Vector512<uint>, Vector512<float>, Vector512<ulong>, Vector512<double>>.BoxMullerF(x2, x3, ref Unsafe.Add(ref d, 32), ref Unsafe.Add(ref d, 48));
            (x0, x1, x2, x3) = (y0, y1, y2, y3);
        }
    }

    /// <summary>Double-precision normals of <paramref name="blocks"/> (≥ 1) whole blocks (32 a block) to <paramref name="destination"/>.</summary>
    public static void NormalDouble(ref double destination, long blocks, ulong firstBlock, ulong seed, ulong stream)
    {
        Block(firstBlock, seed, stream, out var x0, out var x1, out var x2, out var x3);
        for (long i = 0; i < blocks; i++)
        {
            Vector512<uint> y0 = default, y1 = default, y2 = default, y3 = default;
            if (i + 1 < blocks)
                Block(firstBlock + (ulong)i + 1, seed, stream, out y0, out y1, out y2, out y3);
            ref double d = ref Unsafe.Add(ref destination, (nint)(i * 32));
            RngKernels<Simd512Ops, Vector512<uint>, Vector512<float>, Vector512<ulong>, Vector512<double>>.BoxMullerD(x0.AsUInt64(), x1.AsUInt64(), ref d, ref Unsafe.Add(ref d, 8));
            RngKernels<Simd512Ops, Vector512<uint>, Vector512<float>, Vector512<ulong>, Vector512<double>>.BoxMullerD(x2.AsUInt64(), x3.AsUInt64(), ref Unsafe.Add(ref d, 16), ref Unsafe.Add(ref d, 24));
            (x0, x1, x2, x3) = (y0, y1, y2, y3);
        }
    }
}
