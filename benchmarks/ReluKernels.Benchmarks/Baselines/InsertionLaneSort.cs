using System.Runtime.Intrinsics;

namespace ReluKernels.Benchmarks.Baselines;

/// <summary>
/// The function-space engine's sort before the sorting network: branch-free insertion by compare-exchange, lane by lane,
/// count(count − 1)/2 minimum/maximum pairs with a load and a store each. Kept as the baseline of <c>LaneSortBenchmarks</c>.
/// </summary>
public static class InsertionLaneSort
{
    /// <summary>Sorts the vectors read from <paramref name="words"/> (16 words each, shifted right by <paramref name="shift"/>) lane by lane into <paramref name="sorted"/>.</summary>
    public static void Sort(ReadOnlySpan<uint> words, int shift, Span<Vector512<uint>> sorted)
    {
        for (int i = 0; i < sorted.Length; i++)
        {
            var x = Vector512.Create(words.Slice(i * 16, 16)) >>> shift;
            for (int k = 0; k < i; k++)
            {
                var low = Vector512.Min(sorted[k], x);
                x = Vector512.Max(sorted[k], x);
                sorted[k] = low;
            }
            sorted[i] = x;
        }
    }
}
