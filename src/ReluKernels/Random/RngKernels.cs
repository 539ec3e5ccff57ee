using System.Runtime.CompilerServices;

namespace ReluKernels;

/// <summary>
/// The RNG's block kernels and element transforms, written once over <see cref="ISimdOps{VU, VF, VL, VD}"/> and
/// specialised by the JIT per vector width. Keep every transform to exactly-rounded IEEE operations in a fixed order
/// (see <see cref="ISimdOps{VU, VF, VL, VD}"/>): that is what makes every ISA path bit-identical to the scalar one.
/// </summary>
/// <remarks>
/// A <b>block</b> is 16 consecutive Philox counters = 64 words, stored row-major as <c>words[16·j + i]</c> = output word
/// <c>j</c> of counter <c>16·block + i</c>. Rows are what SIMD lanes compute naturally, so no shuffles are needed.
/// One-word outputs (uint, float) take word slot <c>s</c>; two-word outputs (ulong, double) take slots <c>2q, 2q+1</c>
/// as one little-endian 64-bit value. Box–Muller pairs row 0 with row 1 and row 2 with row 3 (for doubles: 64-bit rows
/// of 8 values, rows 0↔1 and 2↔3): the even row gets <c>r·cos θ</c>, the odd row <c>r·sin θ</c>.
/// </remarks>
internal static class RngKernels<S, VU, VF, VL, VD> where S : struct, ISimdOps<VU, VF, VL, VD>
{
    private static int DoubleLanes => S.WordLanes == 1 ? 1 : S.WordLanes / 2;

    /// <summary>Philox4x32-10 of the 16 counters of <paramref name="block"/>, rows stored to <paramref name="words"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PhiloxBlock(ref uint words, ulong block, ulong seed, ulong stream)
    {
        uint counterLow = (uint)(block << 4), counterHigh = (uint)(block >> 28);
        uint k0 = (uint)seed, k1 = (uint)(seed >> 32);
        for (int offset = 0; offset < 16; offset += S.WordLanes)
        {
            VU c0 = S.IotaU(counterLow + (uint)offset), c1 = S.BroadcastU(counterHigh);
            VU c2 = S.BroadcastU((uint)stream), c3 = S.BroadcastU((uint)(stream >> 32));
            // Ten rounds; round r is keyed with key + r·(W0, W1) (Salmon et al. 2011, §3.3). Written without ref/out
            // helpers so the four state vectors stay in registers.
            uint a = k0, b = k1;
            for (int r = 0; r < Philox4x32.Rounds; r++)
            {
                VU hi0 = S.MulHi(c0, Philox4x32.M0), lo0 = S.MulLo(c0, Philox4x32.M0);
                VU hi1 = S.MulHi(c2, Philox4x32.M1), lo1 = S.MulLo(c2, Philox4x32.M1);
                c0 = S.XorU(S.XorU(hi1, c1), S.BroadcastU(a));
                c1 = lo1;
                c2 = S.XorU(S.XorU(hi0, c3), S.BroadcastU(b));
                c3 = lo0;
                a += Philox4x32.W0;
                b += Philox4x32.W1;
            }
            S.StoreU(ref Unsafe.Add(ref words, offset), c0);
            S.StoreU(ref Unsafe.Add(ref words, 16 + offset), c1);
            S.StoreU(ref Unsafe.Add(ref words, 32 + offset), c2);
            S.StoreU(ref Unsafe.Add(ref words, 48 + offset), c3);
        }
    }

    // ---- Element transforms -------------------------------------------------------------------------------------

    /// <summary>[0, 1): the top 24 bits times 2^-24.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VF UniformF(VU x) => S.MulF(S.ConvertIntToF(S.ShiftRightU(x, 8)), S.BroadcastF((1f / 16777216f)));

    /// <summary>(0, 1): the top 23 bits as <c>(2k + 1)·2^-24</c>, symmetric about 1/2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VF UniformOpenF(VU x) => S.MulF(S.ConvertIntToF(S.OrU(S.ShiftRightU(x, 8), S.BroadcastU(1))), S.BroadcastF((1f / 16777216f)));

    /// <summary>Exact <c>(double)v</c> for <c>v &lt; 2^52</c> (exponent-bias trick; no 64-bit int conversion needed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static VD Small(VL v) => S.SubD(S.AsD(S.OrL(v, S.BroadcastL(0x4330_0000_0000_0000UL))), S.BroadcastD(4503599627370496d));

    /// <summary>[0, 1): the top 53 bits of the 64-bit value times 2^-53 (computed exactly as hi32·2^-32 + lo21·2^-53).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VD UniformD(VL v) =>
        S.AddD(S.MulD(Small(S.ShiftRightL(v, 32)), S.BroadcastD((1d / 4294967296d))),
               S.MulD(Small(S.AndL(S.ShiftRightL(v, 11), S.BroadcastL(0x1F_FFFF))), S.BroadcastD((1d / 9007199254740992d))));

    /// <summary>(0, 1): the top 52 bits as <c>(2k + 1)·2^-53</c>, symmetric about 1/2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VD UniformOpenD(VL v) =>
        S.AddD(S.MulD(Small(S.ShiftRightL(v, 32)), S.BroadcastD((1d / 4294967296d))),
               S.MulD(Small(S.OrL(S.AndL(S.ShiftRightL(v, 11), S.BroadcastL(0x1F_FFFF)), S.BroadcastL(1))), S.BroadcastD((1d / 9007199254740992d))));

    /// <summary>
    /// Natural log for positive normal floats (Cephes <c>logf</c>: mantissa in [√½, √2), degree-9 polynomial, ln 2 split
    /// in two). Max error about 1 ulp of the result in [2^-31, 1] (tested against <see cref="Math.Log(double)"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VF LogF(VF x)
    {
        VU bits = S.AsU(x);
        VF e = S.SubF(S.ConvertIntToF(S.ShiftRightU(bits, 23)), S.BroadcastF(126f)); // x = m·2^e, m in [0.5, 1)
        VF m = S.AsF(S.OrU(S.AndU(bits, S.BroadcastU(0x007F_FFFF)), S.BroadcastU(0x3F00_0000)));
        VF small = S.LessThanF(m, S.BroadcastF(0.707106781186547524f));
        e = S.SubF(e, S.AndF(small, S.BroadcastF(1f)));
        VF f = S.AddF(S.SubF(m, S.BroadcastF(1f)), S.AndF(small, m)); // m − 1, or 2m − 1 when m < √½ (both exact)
        VF z = S.MulF(f, f);
        VF y = S.BroadcastF(7.0376836292E-2f);
        y = S.AddF(S.MulF(y, f), S.BroadcastF(-1.1514610310E-1f));
        y = S.AddF(S.MulF(y, f), S.BroadcastF(1.1676998740E-1f));
        y = S.AddF(S.MulF(y, f), S.BroadcastF(-1.2420140846E-1f));
        y = S.AddF(S.MulF(y, f), S.BroadcastF(1.4249322787E-1f));
        y = S.AddF(S.MulF(y, f), S.BroadcastF(-1.6668057665E-1f));
        y = S.AddF(S.MulF(y, f), S.BroadcastF(2.0000714765E-1f));
        y = S.AddF(S.MulF(y, f), S.BroadcastF(-2.4999993993E-1f));
        y = S.AddF(S.MulF(y, f), S.BroadcastF(3.3333331174E-1f));
        y = S.MulF(S.MulF(y, f), z);
        y = S.AddF(y, S.MulF(e, S.BroadcastF(-2.12194440e-4f)));
        y = S.SubF(y, S.MulF(z, S.BroadcastF(0.5f)));
        VF result = S.AddF(f, y);
        return S.AddF(result, S.MulF(e, S.BroadcastF(0.693359375f)));
    }

    /// <summary>
    /// Natural log for positive normal doubles (fdlibm <c>__ieee754_log</c> kernel: mantissa in [√½, √2),
    /// s = f/(2+f), degree-14 polynomial in s, ln 2 split in two). About 1 ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VD LogD(VD x)
    {
        VL bits = S.AsL(x);
        VD k = S.SubD(Small(S.ShiftRightL(bits, 52)), S.BroadcastD(1023d)); // x = m·2^k, m in [1, 2)
        VD m = S.AsD(S.OrL(S.AndL(bits, S.BroadcastL(0x000F_FFFF_FFFF_FFFFUL)), S.BroadcastL(0x3FF0_0000_0000_0000UL)));
        VD big = S.GreaterThanD(m, S.BroadcastD(1.41421356237309504880));
        k = S.AddD(k, S.AndD(big, S.BroadcastD(1d)));
        m = S.SelectD(big, S.MulD(m, S.BroadcastD(0.5)), m);
        VD f = S.SubD(m, S.BroadcastD(1d));
        VD s = S.DivD(f, S.AddD(S.BroadcastD(2d), f));
        VD z = S.MulD(s, s);
        VD r = S.BroadcastD(1.479819860511658591e-01);
        r = S.AddD(S.MulD(r, z), S.BroadcastD(1.531383769920937332e-01));
        r = S.AddD(S.MulD(r, z), S.BroadcastD(1.818357216161805012e-01));
        r = S.AddD(S.MulD(r, z), S.BroadcastD(2.222219843214978396e-01));
        r = S.AddD(S.MulD(r, z), S.BroadcastD(2.857142874366239149e-01));
        r = S.AddD(S.MulD(r, z), S.BroadcastD(3.999999999940941908e-01));
        r = S.AddD(S.MulD(r, z), S.BroadcastD(6.666666666666735130e-01));
        r = S.MulD(r, z);
        VD hfsq = S.MulD(S.MulD(f, f), S.BroadcastD(0.5));
        // k·ln2_hi − ((hfsq − (s·(hfsq + R) + k·ln2_lo)) − f)
        VD inner = S.AddD(S.MulD(s, S.AddD(hfsq, r)), S.MulD(k, S.BroadcastD(1.90821492927058770002e-10)));
        return S.SubD(S.MulD(k, S.BroadcastD(6.93147180369123816490e-01)), S.SubD(S.SubD(hfsq, inner), f));
    }

    /// <summary>The largest float below 1, 1 − 2^-24.</summary>
    private const float BelowOne = 0.99999994f;

    /// <summary>
    /// A uniform point (cos θ, sin θ) of the unit circle from one word: quadrant q = top two bits of <paramref name="b"/> and
    /// g ∈ [−½, ½) from its next 24 bits give θ = (π/2)(q + g), so only |φ| ≤ π/4 reaches the polynomials (Cephes
    /// <c>sinf</c>/<c>cosf</c>) and the quadrant is applied by swapping and sign flips. One coordinate is exactly 0 when
    /// g = 0 (probability 2^-24).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UnitCircleF(VU b, out VF cos, out VF sin)
    {
        VF g = S.SubF(S.MulF(S.ConvertIntToF(S.ShiftRightU(S.ShiftLeftU(b, 2), 8)), S.BroadcastF((1f / 16777216f))), S.BroadcastF(0.5f));
        VF phi = S.MulF(g, S.BroadcastF(1.57079632679489661923f));
        VF z = S.MulF(phi, phi);
        VF ps = S.BroadcastF(-1.9515295891E-4f);
        ps = S.AddF(S.MulF(ps, z), S.BroadcastF(8.3321608736E-3f));
        ps = S.AddF(S.MulF(ps, z), S.BroadcastF(-1.6666654611E-1f));
        VF s = S.AddF(S.MulF(S.MulF(ps, z), phi), phi);
        VF pc = S.BroadcastF(2.443315711809948E-5f);
        pc = S.AddF(S.MulF(pc, z), S.BroadcastF(-1.388731625493765E-3f));
        pc = S.AddF(S.MulF(pc, z), S.BroadcastF(4.166664568298827E-2f));
        VF c = S.AddF(S.SubF(S.MulF(S.MulF(pc, z), z), S.MulF(z, S.BroadcastF(0.5f))), S.BroadcastF(1f));

        // Rotate (c, s) by q·90°: q odd swaps, cos flips sign for q in {1, 2}, sin for q in {2, 3}.
        VF swap = S.AsF(S.SubU(S.BroadcastU(0), S.ShiftRightU(S.ShiftLeftU(b, 1), 31))); // all ones when bit 30 of b is set
        VF x = S.SelectF(swap, s, c), y = S.SelectF(swap, c, s);
        VU signMask = S.BroadcastU(0x8000_0000);
        cos = S.AsF(S.XorU(S.AsU(x), S.AndU(S.XorU(b, S.ShiftLeftU(b, 1)), signMask)));
        sin = S.AsF(S.XorU(S.AsU(y), S.AndU(b, signMask)));
    }

    /// <summary>
    /// Box–Muller for one pair of words: <c>u1 = ((a &gt;&gt; 1) | 1)·2^-31</c> rounded to float and capped at 1 − 2^-24 (so in [2^-31, 1)),
    /// <c>r = √(−2 ln u1)</c> (so |z| ≤ √(62 ln 2) ≈ 6.56); the direction is <see cref="UnitCircleF"/> of <paramref name="b"/>.
    /// One output is exactly 0 with probability 2^-24 per pair: a remaining atom, documented in docs/rng-and-initializers.md.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BoxMullerF(VU a, VU b, ref float cosDestination, ref float sinDestination)
    {
        VF u1 = S.MulF(S.ConvertIntToF(S.OrU(S.ShiftRightU(a, 1), S.BroadcastU(1))), S.BroadcastF((1f / 2147483648f)));
        // The top 2^-25 of the range rounds to exactly 1f, which would make r = 0 and both outputs exactly 0: an atom at
        // zero (mass ~3e-8 per pair) that breaks "weights are continuous" and made a Monte-Carlo run see networks dead
        // at layer 1. Those words get the largest float below 1 instead; every other value is unchanged.
        u1 = S.SelectF(S.LessThanF(u1, S.BroadcastF(1f)), u1, S.BroadcastF(BelowOne));
        VF radius = S.SqrtF(S.MulF(LogF(u1), S.BroadcastF(-2f)));
        UnitCircleF(b, out VF cos, out VF sin);
        // radius ≥ 0, so multiplying after the sign flip gives the same bits as flipping the product.
        S.StoreF(ref cosDestination, S.MulF(radius, cos));
        S.StoreF(ref sinDestination, S.MulF(radius, sin));
    }

    /// <summary>
    /// Box–Muller in double: <c>u1</c> = <see cref="UniformOpenD"/> of <paramref name="a"/> (so |z| ≤ √(106 ln 2) ≈ 8.57),
    /// quadrant = top two bits of <paramref name="b"/>, g ∈ [−½, ½) from its next 53 bits; fdlibm sin/cos kernels
    /// on |φ| ≤ π/4.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BoxMullerD(VL a, VL b, ref double cosDestination, ref double sinDestination)
    {
        VD radius = S.SqrtD(S.MulD(LogD(UniformOpenD(a)), S.BroadcastD(-2d)));

        VD g = S.SubD(UniformD(S.ShiftLeftL(b, 2)), S.BroadcastD(0.5));
        VD phi = S.MulD(g, S.BroadcastD(1.57079632679489661923));
        VD z = S.MulD(phi, phi);
        VD ps = S.BroadcastD(1.58969099521155010221e-10);
        ps = S.AddD(S.MulD(ps, z), S.BroadcastD(-2.50507602534068634195e-08));
        ps = S.AddD(S.MulD(ps, z), S.BroadcastD(2.75573137070700676789e-06));
        ps = S.AddD(S.MulD(ps, z), S.BroadcastD(-1.98412698298579493134e-04));
        ps = S.AddD(S.MulD(ps, z), S.BroadcastD(8.33333333332248946124e-03));
        ps = S.AddD(S.MulD(ps, z), S.BroadcastD(-1.66666666666666324348e-01));
        VD s = S.AddD(phi, S.MulD(S.MulD(z, phi), ps));
        VD pc = S.BroadcastD(-1.13596475577881948265e-11);
        pc = S.AddD(S.MulD(pc, z), S.BroadcastD(2.08757232129817482790e-09));
        pc = S.AddD(S.MulD(pc, z), S.BroadcastD(-2.75573143513906633035e-07));
        pc = S.AddD(S.MulD(pc, z), S.BroadcastD(2.48015872894767294178e-05));
        pc = S.AddD(S.MulD(pc, z), S.BroadcastD(-1.38888888888741095749e-03));
        pc = S.AddD(S.MulD(pc, z), S.BroadcastD(4.16666666666666019037e-02));
        VD c = S.SubD(S.BroadcastD(1d), S.SubD(S.MulD(z, S.BroadcastD(0.5)), S.MulD(S.MulD(z, z), pc)));

        VD swap = S.AsD(S.SubL(S.BroadcastL(0), S.ShiftRightL(S.ShiftLeftL(b, 1), 63))); // all ones when bit 62 of b is set
        VD x = S.SelectD(swap, s, c), y = S.SelectD(swap, c, s);
        VL signMask = S.BroadcastL(0x8000_0000_0000_0000UL);
        VL cosSign = S.AndL(S.XorL(b, S.ShiftLeftL(b, 1)), signMask);
        VL sinSign = S.AndL(b, signMask);
        S.StoreD(ref cosDestination, S.AsD(S.XorL(S.AsL(S.MulD(radius, x)), cosSign)));
        S.StoreD(ref sinDestination, S.AsD(S.XorL(S.AsL(S.MulD(radius, y)), sinSign)));
    }

    // ---- Whole-block fills ----------------------------------------------------------------------------------------

    /// <summary>Fills <paramref name="blocks"/> whole blocks of <paramref name="kind"/> starting at block <paramref name="firstBlock"/>.</summary>
    /// <param name="kind">What to produce.</param>
    /// <param name="destination">First element: <see cref="uint"/>, <see cref="ulong"/>, <see cref="float"/> or <see cref="double"/> per kind.</param>
    /// <param name="blocks">Number of whole blocks.</param>
    /// <param name="firstBlock">Index of the first block in the stream.</param>
    /// <param name="seed">The Philox key.</param>
    /// <param name="stream">The stream index (upper counter half).</param>
    /// <param name="scratch">64 words; holds the last block's words on return.</param>
    public static void FillBlocks(RngKind kind, ref byte destination, long blocks, ulong firstBlock, ulong seed, ulong stream, ref uint scratch)
    {
        switch (kind)
        {
            case RngKind.Words:
                for (long i = 0; i < blocks; i++)
                    PhiloxBlock(ref Unsafe.As<byte, uint>(ref Unsafe.Add(ref destination, (nint)(i * 256))), firstBlock + (ulong)i, seed, stream);
                if (blocks > 0)
                    PhiloxBlock(ref scratch, firstBlock + (ulong)blocks - 1, seed, stream);
                break;
            case RngKind.UniformSingle:
            case RngKind.UniformOpenSingle:
            case RngKind.NormalSingle:
                for (long i = 0; i < blocks; i++)
                {
                    PhiloxBlock(ref scratch, firstBlock + (ulong)i, seed, stream);
                    ElementsSingle(kind, ref scratch, ref Unsafe.As<byte, float>(ref Unsafe.Add(ref destination, (nint)(i * 256))));
                }
                break;
            default:
                for (long i = 0; i < blocks; i++)
                {
                    PhiloxBlock(ref scratch, firstBlock + (ulong)i, seed, stream);
                    ElementsDouble(kind, ref scratch, ref Unsafe.As<byte, double>(ref Unsafe.Add(ref destination, (nint)(i * 256))));
                }
                break;
        }
    }

    /// <summary>The 64 single-precision outputs of one block of words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ElementsSingle(RngKind kind, ref uint words, ref float destination)
    {
        int w = S.WordLanes;
        if (kind == RngKind.NormalSingle)
        {
            for (int row = 0; row < 64; row += 32)
                for (int offset = 0; offset < 16; offset += w)
                {
                    BoxMullerF(S.LoadU(ref Unsafe.Add(ref words, row + offset)), S.LoadU(ref Unsafe.Add(ref words, row + 16 + offset)),
                        ref Unsafe.Add(ref destination, row + offset), ref Unsafe.Add(ref destination, row + 16 + offset));
                }
        }
        else if (kind == RngKind.UniformSingle)
        {
            for (int offset = 0; offset < 64; offset += w)
                S.StoreF(ref Unsafe.Add(ref destination, offset), UniformF(S.LoadU(ref Unsafe.Add(ref words, offset))));
        }
        else
        {
            for (int offset = 0; offset < 64; offset += w)
                S.StoreF(ref Unsafe.Add(ref destination, offset), UniformOpenF(S.LoadU(ref Unsafe.Add(ref words, offset))));
        }
    }

    /// <summary>The 32 double-precision outputs of one block of words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ElementsDouble(RngKind kind, ref uint words, ref double destination)
    {
        int w = DoubleLanes;
        if (kind == RngKind.NormalDouble)
        {
            for (int row = 0; row < 32; row += 16)
                for (int q = 0; q < 8; q += w)
                {
                    BoxMullerD(S.LoadL(ref Unsafe.Add(ref words, 2 * (row + q))), S.LoadL(ref Unsafe.Add(ref words, 2 * (row + 8 + q))),
                        ref Unsafe.Add(ref destination, row + q), ref Unsafe.Add(ref destination, row + 8 + q));
                }
        }
        else if (kind == RngKind.UniformDouble)
        {
            for (int q = 0; q < 32; q += w)
                S.StoreD(ref Unsafe.Add(ref destination, q), UniformD(S.LoadL(ref Unsafe.Add(ref words, 2 * q))));
        }
        else
        {
            for (int q = 0; q < 32; q += w)
                S.StoreD(ref Unsafe.Add(ref destination, q), UniformOpenD(S.LoadL(ref Unsafe.Add(ref words, 2 * q))));
        }
    }
}

/// <summary>What a fill produces; one-word kinds use one 32-bit word per element, the others two.</summary>
internal enum RngKind
{
    Words,
    UniformSingle,
    UniformOpenSingle,
    NormalSingle,
    UniformDouble,
    UniformOpenDouble,
    NormalDouble,
}
