using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>Stream compaction of float lanes: the selected lanes of a vector, packed to the front, in lane order.</summary>
internal static class LaneCompaction
{
    /// <summary>
    /// Writes the lanes of <paramref name="values"/> selected by <paramref name="keep"/> (all-ones lanes) to
    /// <paramref name="destination"/> and its successors, in lane order, and returns how many there were. Up to 16 floats
    /// from <paramref name="destination"/> on may be overwritten, so in-place compaction must write at or before the
    /// position <paramref name="values"/> was loaded from.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Store(Vector512<float> values, Vector512<float> keep, ref float destination)
    {
        uint bits = (uint)keep.ExtractMostSignificantBits();
        if (Avx512F.IsSupported)
        {
            // The register form of vcompressps and a full store: its memory form is microcoded and slow on AMD cores.
            Avx512F.Compress(Vector512<float>.Zero, keep, values).StoreUnsafe(ref destination);
            return BitOperations.PopCount(bits);
        }
        int count = 0;
        for (; bits != 0; bits &= bits - 1)
            Unsafe.Add(ref destination, count++) = values.GetElement(BitOperations.TrailingZeroCount(bits));
        return count;
    }
}
