using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReluKernels;

/// <summary>
/// A random stream addressed by <c>(seed, stream)</c>, backed by <see cref="Philox4x32"/>: every output is a pure
/// function of (seed, stream, position), so results never depend on thread count, chunking or ISA path.
/// </summary>
/// <remarks>
/// <para><b>Key and counter.</b> Key = <c>(seed low 32 bits, seed high 32 bits)</c>. The 128-bit counter is
/// <c>(n low, n high, stream low, stream high)</c>, where <c>n</c> is the 64-bit counter index within the stream. Two
/// streams of one seed thus use disjoint counters under the same key (Philox is a bijection for a fixed key, so their
/// inputs never coincide), and different seeds use different keys — the usage Random123 recommends.</para>
/// <para><b>Word order.</b> The stream is a sequence of 32-bit words grouped in blocks of 64 = 16 counters × 4 words.
/// Word slot <c>s</c> of block <c>g</c> is output word <c>s / 16</c> of counter <c>16g + s % 16</c> (row-major by output
/// word, which is what SIMD lanes compute without shuffles). The block size is fixed at 16 counters on every path, so
/// the order does not depend on the vector width. <see cref="Position"/> counts words consumed.</para>
/// <para><b>Outputs.</b> One-word outputs (<see cref="NextUInt32"/>, single-precision uniforms and normals) consume one
/// word; two-word outputs (<see cref="NextUInt64"/>, doubles) first round <see cref="Position"/> up to even, then consume
/// two words read as one little-endian 64-bit value. Single uniform [0,1): top 24 bits · 2^-24. Single (0,1):
/// <c>(2k+1)·2^-24</c> from the top 23 bits. Double [0,1): top 53 bits · 2^-53. Double (0,1): <c>(2k+1)·2^-53</c> from
/// the top 52 bits. Normals: Box–Muller on word pairs, described in <c>docs/rng-and-initializers.md</c>: single
/// precision is truncated at |z| ≤ 6.56, double at |z| ≤ 8.57 (tail mass below 1e-10).</para>
/// <para><b>Box–Muller groups.</b> Box–Muller pairs row 0 with row 1 and row 2 with row 3 of a block, so the normal at a
/// position also reads the words of its partner half a group later (or earlier). Normals therefore own whole groups of 32
/// words (half a block, for both precisions): a normal draw that does not continue an open group of its own precision
/// first rounds <see cref="Position"/> up to a group boundary, and any other draw after normals that stopped inside a group
/// first moves to the end of that group. No word is thus read by two different kinds of draw, while a run of normals
/// (scalar or filled, in any chunks) is the same sequence as one fill. Setting <see cref="Position"/> closes the group.</para>
/// <para><b>Paths.</b> Span fills run whole blocks on the widest SIMD path (or the one forced by a
/// <see cref="KernelPath"/> argument) and partial blocks through the scalar per-element code; all paths evaluate the
/// same exactly-rounded IEEE operations in the same order, so uniform, word <i>and</i> normal outputs are bit-identical
/// whatever path ran (no fused multiply-add, no hardware estimates, no BCL transcendental functions).</para>
/// <para>The struct carries a 256-byte cache of the current block: pass it by <c>ref</c>. Copying it forks the stream
/// (both copies then produce the same values). Not thread-safe; use one stream per thread or per block of trials.
/// Nothing here allocates.</para>
/// </remarks>
public struct CounterRng
{
    private readonly ulong _seed;
    private readonly ulong _stream;
    private ulong _position;
    private ulong _cachedBlock;
    private bool _cacheValid;
    // The Box–Muller group normals of _groupKind have opened: [_groupEnd − 32, _groupEnd); 0 when none is open.
    private ulong _groupEnd;
    private RngKind _groupKind;
    private WordBlock _cache;

    /// <summary>Creates the stream <paramref name="stream"/> of <paramref name="seed"/>, positioned at word <paramref name="position"/>.</summary>
    public CounterRng(ulong seed, ulong stream, ulong position = 0)
    {
        _seed = seed;
        _stream = stream;
        _position = position;
    }

    /// <summary>The seed (the Philox key).</summary>
    public readonly ulong Seed => _seed;

    /// <summary>The stream index (the upper half of the Philox counter).</summary>
    public readonly ulong StreamIndex => _stream;

    /// <summary>Words consumed so far; settable (seeking is free for a counter-based generator).</summary>
    public ulong Position
    {
        readonly get => _position;
        set
        {
            _position = value;
            _groupEnd = 0;
        }
    }

    /// <summary>The next 32-bit word.</summary>
    public uint NextUInt32()
    {
        LeaveGroup();
        ulong p = _position;
        uint value = Unsafe.Add(ref Words(p >> 6), (int)(p & 63));
        _position = p + 1;
        return value;
    }

    /// <summary>The next 64-bit value (two words; the position is first rounded up to even).</summary>
    public ulong NextUInt64() => ScalarOps.LoadL(ref TakeTwo());

    /// <summary>Uniform on [0, 1): the top 24 bits of one word times 2^-24.</summary>
    public float NextSingle() => RngKernels<ScalarOps, uint, float, ulong, double>.UniformF(NextUInt32());

    /// <summary>Uniform on (0, 1): <c>(2k + 1)·2^-24</c> with k the top 23 bits of one word.</summary>
    public float NextSingleOpen() => RngKernels<ScalarOps, uint, float, ulong, double>.UniformOpenF(NextUInt32());

    /// <summary>Uniform on [0, 1): the top 53 bits of a 64-bit value times 2^-53.</summary>
    public double NextDouble() => RngKernels<ScalarOps, uint, float, ulong, double>.UniformD(NextUInt64());

    /// <summary>Uniform on (0, 1): <c>(2k + 1)·2^-53</c> with k the top 52 bits of a 64-bit value.</summary>
    public double NextDoubleOpen() => RngKernels<ScalarOps, uint, float, ulong, double>.UniformOpenD(NextUInt64());

    /// <summary>A standard normal in single precision; the same value <see cref="FillNormal(Span{float})"/> gives at this position.</summary>
    public float NextNormalSingle()
    {
        EnterGroup(RngKind.NormalSingle);
        ulong p = _position;
        ref uint words = ref Words(p >> 6);
        int slot = (int)(p & 63), lane = slot & 15, pairRow = slot & 32;
        float c = 0, s = 0;
        RngKernels<ScalarOps, uint, float, ulong, double>.BoxMullerF(
            Unsafe.Add(ref words, pairRow + lane), Unsafe.Add(ref words, pairRow + 16 + lane), ref c, ref s);
        _position = p + 1;
        return (slot & 16) == 0 ? c : s;
    }

    /// <summary>A standard normal in double precision; the same value <see cref="FillNormal(Span{double})"/> gives at this position.</summary>
    public double NextNormalDouble()
    {
        EnterGroup(RngKind.NormalDouble);
        ulong p = (_position + 1) & ~1UL;
        ref uint words = ref Words(p >> 6);
        int q = (int)(p & 63) >> 1, pairRow = q & 16, lane = q & 7;
        double c = 0, s = 0;
        RngKernels<ScalarOps, uint, float, ulong, double>.BoxMullerD(
            ScalarOps.LoadL(ref Unsafe.Add(ref words, 2 * (pairRow + lane))),
            ScalarOps.LoadL(ref Unsafe.Add(ref words, 2 * (pairRow + 8 + lane))), ref c, ref s);
        _position = p + 2;
        return (q & 8) == 0 ? c : s;
    }

    /// <summary>Fills with consecutive words (as <see cref="NextUInt32"/> would).</summary>
    public void Fill(Span<uint> destination) => Fill(destination, RngKind.Words, KernelPath.Auto);

    /// <summary>Fills with consecutive 64-bit values (as <see cref="NextUInt64"/> would).</summary>
    public void Fill(Span<ulong> destination) => Fill(destination, RngKind.Words, KernelPath.Auto);

    /// <summary>Fills with uniforms on [0, 1) (as <see cref="NextSingle"/> would).</summary>
    public void FillUniform(Span<float> destination, KernelPath path = KernelPath.Auto) => Fill(destination, RngKind.UniformSingle, path);

    /// <summary>Fills with uniforms on [0, 1) (as <see cref="NextDouble"/> would).</summary>
    public void FillUniform(Span<double> destination, KernelPath path = KernelPath.Auto) => Fill(destination, RngKind.UniformDouble, path);

    /// <summary>Fills with uniforms on (0, 1) (as <see cref="NextSingleOpen"/> would).</summary>
    public void FillUniformOpen(Span<float> destination, KernelPath path = KernelPath.Auto) => Fill(destination, RngKind.UniformOpenSingle, path);

    /// <summary>Fills with uniforms on (0, 1) (as <see cref="NextDoubleOpen"/> would).</summary>
    public void FillUniformOpen(Span<double> destination, KernelPath path = KernelPath.Auto) => Fill(destination, RngKind.UniformOpenDouble, path);

    /// <summary>Fills with standard normals (as <see cref="NextNormalSingle"/> would), vectorised over whole blocks.</summary>
    public void FillNormal(Span<float> destination) => Fill(destination, RngKind.NormalSingle, KernelPath.Auto);

    /// <summary>Fills with standard normals on a forced path; every path gives bit-identical values.</summary>
    /// <exception cref="NotSupportedException">The path is not accelerated on this machine.</exception>
    public void FillNormal(Span<float> destination, KernelPath path) => Fill(destination, RngKind.NormalSingle, path);

    /// <summary>Fills with standard normals (as <see cref="NextNormalDouble"/> would), vectorised over whole blocks.</summary>
    public void FillNormal(Span<double> destination) => Fill(destination, RngKind.NormalDouble, KernelPath.Auto);

    /// <summary>Fills with standard normals on a forced path; every path gives bit-identical values.</summary>
    /// <exception cref="NotSupportedException">The path is not accelerated on this machine.</exception>
    public void FillNormal(Span<double> destination, KernelPath path) => Fill(destination, RngKind.NormalDouble, path);

    /// <summary>Fills raw words on a forced path (for tests of path equivalence).</summary>
    public void Fill(Span<uint> destination, KernelPath path) => Fill(destination, RngKind.Words, path);

    private void Fill<T>(Span<T> destination, RngKind kind, KernelPath path) where T : unmanaged
    {
        path = KernelPaths.Resolve(path);
        if (destination.IsEmpty)
            return;
        if (kind is RngKind.NormalSingle or RngKind.NormalDouble)
            EnterGroup(kind);
        else
            LeaveGroup();
        int wordsPerElement = Unsafe.SizeOf<T>() / 4;
        if (wordsPerElement == 2)
            _position = (_position + 1) & ~1UL;
        // Head: per element until the position is block-aligned.
        int i = 0;
        while (i < destination.Length && (_position & 63) != 0)
            destination[i++] = NextElement<T>(kind);
        int perBlock = 64 / wordsPerElement;
        long blocks = (destination.Length - i) / perBlock;
        if (blocks > 0)
        {
            ulong first = _position >> 6;
            ref byte target = ref Unsafe.As<T, byte>(ref destination[i]);
            ref uint scratch = ref _cache[0];
            bool cached = true;
            switch (path)
            {
                case KernelPath.Vector512 when kind == RngKind.NormalSingle && Philox512.IsSupported:
                    // Straight from the Philox registers, no block buffer (so the cache is left as it was).
                    Philox512.NormalSingle(ref Unsafe.As<byte, float>(ref target), blocks, first, _seed, _stream);
                    cached = false;
                    break;
                case KernelPath.Vector512 when kind == RngKind.NormalDouble && Philox512.IsSupported:
                    Philox512.NormalDouble(ref Unsafe.As<byte, double>(ref target), blocks, first, _seed, _stream);
                    cached = false;
                    break;
                case KernelPath.Vector512:
                    RngKernels<Simd512Ops, Vector512<uint>, Vector512<float>, Vector512<ulong>, Vector512<double>>.FillBlocks(kind, ref target, blocks, first, _seed, _stream, ref scratch);
                    break;
                case KernelPath.Vector256:
                    RngKernels<Simd256Ops, Vector256<uint>, Vector256<float>, Vector256<ulong>, Vector256<double>>.FillBlocks(kind, ref target, blocks, first, _seed, _stream, ref scratch);
                    break;
                case KernelPath.Vector128:
                    RngKernels<Simd128Ops, Vector128<uint>, Vector128<float>, Vector128<ulong>, Vector128<double>>.FillBlocks(kind, ref target, blocks, first, _seed, _stream, ref scratch);
                    break;
                default:
                    RngKernels<ScalarOps, uint, float, ulong, double>.FillBlocks(kind, ref target, blocks, first, _seed, _stream, ref scratch);
                    break;
            }
            if (cached)
            {
                _cachedBlock = first + (ulong)blocks - 1;
                _cacheValid = true;
            }
            _position += (ulong)blocks * 64;
            i += (int)blocks * perBlock;
        }
        // Tail: per element.
        while (i < destination.Length)
            destination[i++] = NextElement<T>(kind);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T NextElement<T>(RngKind kind) where T : unmanaged
    {
        if (typeof(T) == typeof(uint))
            return (T)(object)NextUInt32();
        if (typeof(T) == typeof(ulong))
            return (T)(object)NextUInt64();
        if (typeof(T) == typeof(float))
        {
            float v = kind switch
            {
                RngKind.UniformSingle => NextSingle(),
                RngKind.UniformOpenSingle => NextSingleOpen(),
                _ => NextNormalSingle(),
            };
            return (T)(object)v;
        }
        double d = kind switch
        {
            RngKind.UniformDouble => NextDouble(),
            RngKind.UniformOpenDouble => NextDoubleOpen(),
            _ => NextNormalDouble(),
        };
        return (T)(object)d;
    }

    /// <summary>Before a normal of <paramref name="kind"/>: continue its open group, or round up to a fresh one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnterGroup(RngKind kind)
    {
        if (_groupKind != kind || _position >= _groupEnd)
        {
            LeaveGroup();
            _position = (_position + GroupWords - 1) & ~(GroupWords - 1);
            _groupKind = kind;
            _groupEnd = _position + GroupWords;
        }
    }

    /// <summary>Before any other draw: skip the rest of an open group, whose words the normals' partners read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LeaveGroup()
    {
        if (_position < _groupEnd)
            _position = _groupEnd;
        _groupEnd = 0;
    }

    /// <summary>Words in one Box–Muller group: two rows of 16 words, for single and double precision alike.</summary>
    private const ulong GroupWords = 32;

    [UnscopedRef]
    private ref uint TakeTwo()
    {
        LeaveGroup();
        ulong p = (_position + 1) & ~1UL;
        ref uint word = ref Unsafe.Add(ref Words(p >> 6), (int)(p & 63));
        _position = p + 2;
        return ref word;
    }

    /// <summary>The cached words of <paramref name="block"/>, generating them if needed.</summary>
    [UnscopedRef]
    private ref uint Words(ulong block)
    {
        ref uint words = ref _cache[0];
        if (!_cacheValid || _cachedBlock != block)
        {
            if (Vector512.IsHardwareAccelerated)
                RngKernels<Simd512Ops, Vector512<uint>, Vector512<float>, Vector512<ulong>, Vector512<double>>.PhiloxBlock(ref words, block, _seed, _stream);
            else if (Vector256.IsHardwareAccelerated)
                RngKernels<Simd256Ops, Vector256<uint>, Vector256<float>, Vector256<ulong>, Vector256<double>>.PhiloxBlock(ref words, block, _seed, _stream);
            else if (Vector128.IsHardwareAccelerated)
                RngKernels<Simd128Ops, Vector128<uint>, Vector128<float>, Vector128<ulong>, Vector128<double>>.PhiloxBlock(ref words, block, _seed, _stream);
            else
                RngKernels<ScalarOps, uint, float, ulong, double>.PhiloxBlock(ref words, block, _seed, _stream);
            _cachedBlock = block;
            _cacheValid = true;
        }
        return ref words;
    }

    [InlineArray(64)]
    private struct WordBlock
    {
        private uint _element0;
    }
}
