using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// Sorts 16 independent columns at once: lane l of the output vectors is lane l of the input vectors in ascending order.
/// Every lane goes through the same data-independent sequence of compare-exchanges (a minimum and a maximum), so there is
/// no branch on the data. Sorting is exact, so the output depends only on the input multiset, never on the method: the
/// method is chosen by count for speed alone.
/// </summary>
/// <remarks>
/// Up to <see cref="InsertionLimit"/> values, branch-free insertion (count(count − 1)/2 compare-exchanges, the running
/// value in a register). Up to 16, Batcher's odd–even merge network on 16 wires held in registers, the unused wires
/// padded with the maximum (63 compare-exchanges and one load and store per value, against up to 105 loads, stores and
/// compare-exchanges for insertion at 15). Above 16, the same network for any count, in memory: O(count·log² count).
/// </remarks>
internal static class LaneSort
{
    private const int Lanes = 16;

    /// <summary>
    /// Counts up to which insertion is kept: at most 28 compare-exchanges, against the 63 of the 16-wire network. Widths
    /// 10 and 16 were measured (docs/benchmarks.md); the crossover itself was not.
    /// </summary>
    internal const int InsertionLimit = 8;

    /// <summary>
    /// Writes the <c>sorted.Length</c> vectors read from <paramref name="words"/> (16 words each), every word shifted right
    /// by <paramref name="shift"/>, to <paramref name="sorted"/>, each lane in ascending order.
    /// </summary>
    public static void Sort(ReadOnlySpan<uint> words, int shift, Span<Vector512<uint>> sorted)
    {
        if (words.Length < sorted.Length * Lanes)
            throw new ArgumentException("Too few words for the vectors to sort.", nameof(words));
        ref uint source = ref MemoryMarshal.GetReference(words);
        if (sorted.Length <= InsertionLimit)
            Insertion(ref source, shift, sorted);
        else if (sorted.Length <= Lanes)
            SixteenWires(ref source, shift, sorted);
        else
            OddEvenMerge(ref source, shift, sorted);
    }

    private static void Insertion(ref uint source, int shift, Span<Vector512<uint>> sorted)
    {
        for (int i = 0; i < sorted.Length; i++)
        {
            var x = Load(ref source, i, shift);
            for (int k = 0; k < i; k++)
                Exchange(ref sorted[k], ref x);
            sorted[i] = x;
        }
    }

    /// <summary>Batcher's network for 16 wires, all in registers; wires past the count hold the maximum, which no exchange moves.</summary>
    private static void SixteenWires(ref uint source, int shift, Span<Vector512<uint>> sorted)
    {
        int n = sorted.Length;
        Vector512<uint> v0 = Load(ref source, 0, shift), v1 = Load(ref source, 1, shift), v2 = Load(ref source, 2, shift),
            v3 = Load(ref source, 3, shift), v4 = Load(ref source, 4, shift), v5 = Load(ref source, 5, shift),
            v6 = Load(ref source, 6, shift), v7 = Load(ref source, 7, shift), v8 = Load(ref source, 8, shift),
            v9 = LoadOrPad(ref source, 9, n, shift), v10 = LoadOrPad(ref source, 10, n, shift),
            v11 = LoadOrPad(ref source, 11, n, shift), v12 = LoadOrPad(ref source, 12, n, shift),
            v13 = LoadOrPad(ref source, 13, n, shift), v14 = LoadOrPad(ref source, 14, n, shift),
            v15 = LoadOrPad(ref source, 15, n, shift);
        // Sorted runs of 2.
        Exchange(ref v0, ref v1); Exchange(ref v2, ref v3); Exchange(ref v4, ref v5); Exchange(ref v6, ref v7); Exchange(ref v8, ref v9); Exchange(ref v10, ref v11); Exchange(ref v12, ref v13); Exchange(ref v14, ref v15);
        // Runs of 4.
        Exchange(ref v0, ref v2); Exchange(ref v1, ref v3); Exchange(ref v4, ref v6); Exchange(ref v5, ref v7); Exchange(ref v8, ref v10); Exchange(ref v9, ref v11); Exchange(ref v12, ref v14); Exchange(ref v13, ref v15);
        Exchange(ref v1, ref v2); Exchange(ref v5, ref v6); Exchange(ref v9, ref v10); Exchange(ref v13, ref v14);
        // Runs of 8.
        Exchange(ref v0, ref v4); Exchange(ref v1, ref v5); Exchange(ref v2, ref v6); Exchange(ref v3, ref v7); Exchange(ref v8, ref v12); Exchange(ref v9, ref v13); Exchange(ref v10, ref v14); Exchange(ref v11, ref v15);
        Exchange(ref v2, ref v4); Exchange(ref v3, ref v5); Exchange(ref v10, ref v12); Exchange(ref v11, ref v13);
        Exchange(ref v1, ref v2); Exchange(ref v3, ref v4); Exchange(ref v5, ref v6); Exchange(ref v9, ref v10); Exchange(ref v11, ref v12); Exchange(ref v13, ref v14);
        // All 16.
        Exchange(ref v0, ref v8); Exchange(ref v1, ref v9); Exchange(ref v2, ref v10); Exchange(ref v3, ref v11); Exchange(ref v4, ref v12); Exchange(ref v5, ref v13); Exchange(ref v6, ref v14); Exchange(ref v7, ref v15);
        Exchange(ref v4, ref v8); Exchange(ref v5, ref v9); Exchange(ref v6, ref v10); Exchange(ref v7, ref v11);
        Exchange(ref v2, ref v4); Exchange(ref v3, ref v5); Exchange(ref v6, ref v8); Exchange(ref v7, ref v9); Exchange(ref v10, ref v12); Exchange(ref v11, ref v13);
        Exchange(ref v1, ref v2); Exchange(ref v3, ref v4); Exchange(ref v5, ref v6); Exchange(ref v7, ref v8); Exchange(ref v9, ref v10); Exchange(ref v11, ref v12); Exchange(ref v13, ref v14);
        sorted[0] = v0; sorted[1] = v1; sorted[2] = v2; sorted[3] = v3; sorted[4] = v4; sorted[5] = v5; sorted[6] = v6;
        sorted[7] = v7; sorted[8] = v8;
        StoreIfInside(sorted, 9, v9); StoreIfInside(sorted, 10, v10); StoreIfInside(sorted, 11, v11);
        StoreIfInside(sorted, 12, v12); StoreIfInside(sorted, 13, v13); StoreIfInside(sorted, 14, v14);
        StoreIfInside(sorted, 15, v15);
    }

    /// <summary>Batcher's odd–even merge sort for any count (Knuth's iterative form), exchanging in place in <paramref name="sorted"/>.</summary>
    private static void OddEvenMerge(ref uint source, int shift, Span<Vector512<uint>> sorted)
    {
        int n = sorted.Length;
        for (int i = 0; i < n; i++)
            sorted[i] = Load(ref source, i, shift);
        for (int p = 1; p < n; p <<= 1) // merge sorted runs of p into runs of 2p
        {
            for (int k = p; k >= 1; k >>= 1)
            {
                for (int j = k & (p - 1); j + k < n; j += 2 * k)
                {
                    for (int i = 0; i < Math.Min(k, n - j - k); i++)
                    {
                        // Only pairs inside one run of 2p are compared.
                        if ((i + j) / (2 * p) == (i + j + k) / (2 * p))
                            Exchange(ref sorted[i + j], ref sorted[i + j + k]);
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Load(ref uint source, int vector, int shift) =>
        Vector512.LoadUnsafe(ref source, (nuint)(vector * Lanes)) >>> shift;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> LoadOrPad(ref uint source, int vector, int count, int shift) =>
        vector < count ? Load(ref source, vector, shift) : Vector512<uint>.AllBitsSet;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreIfInside(Span<Vector512<uint>> sorted, int vector, Vector512<uint> value)
    {
        if (vector < sorted.Length)
            sorted[vector] = value;
    }

    /// <summary>Puts the lane-wise minimum in <paramref name="low"/> and the maximum in <paramref name="high"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Exchange(ref Vector512<uint> low, ref Vector512<uint> high)
    {
        var min = Vector512.Min(low, high);
        high = Vector512.Max(low, high);
        low = min;
    }
}
