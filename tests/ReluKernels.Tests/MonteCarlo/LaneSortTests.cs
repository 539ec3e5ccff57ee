using System.Runtime.Intrinsics;
using FsCheck.Xunit;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>
/// <see cref="LaneSort"/> must give exactly what sorting each lane with <see cref="Array.Sort(Array)"/> gives, for every
/// count and with ties: the function-space engine's counts depend on the sorted uniforms, so any difference would change
/// them. The networks are also proved by the 0–1 principle (a comparator network sorts every input if it sorts every
/// 0–1 input).
/// </summary>
public sealed class LaneSortTests
{
    private const int Lanes = 16;
    private const int MaxCount = 40; // past the 16-wire network into the general odd–even merge

    [Property(MaxTest = 500)]
    public void Sorts_every_lane_like_Array_Sort(byte countSeed, int seed, bool manyTies, bool shifted)
    {
        int count = countSeed % (MaxCount + 1);
        var random = new Random(seed);
        var words = new uint[count * Lanes];
        foreach (ref uint word in words.AsSpan())
            word = manyTies ? uint.MaxValue - (uint)random.Next(4) : (uint)random.NextInt64(1L << 32);
        AssertSortsLikeArraySort(words, count, shifted ? 2 : 0);
    }

    [Fact]
    public void Sorts_every_count_like_Array_Sort()
    {
        // The property above draws counts at random; this covers each of them, and so each method, for certain.
        var random = new Random(20261203);
        for (int count = 0; count <= MaxCount; count++)
        {
            var words = new uint[count * Lanes];
            foreach (ref uint word in words.AsSpan())
                word = (uint)random.NextInt64(1L << 32);
            AssertSortsLikeArraySort(words, count, 2);
        }
    }

    [Theory]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    public void Sorts_every_zero_one_input(int count)
    {
        // Input i of lane l is bit i of the pattern (first + l); all 2^count patterns, 16 per call.
        var words = new uint[count * Lanes];
        var sorted = new Vector512<uint>[count];
        for (int first = 0; first < 1 << count; first += Lanes)
        {
            for (int i = 0; i < count; i++)
                for (int lane = 0; lane < Lanes; lane++)
                    words[i * Lanes + lane] = (uint)((first + lane) >> i) & 1;
            LaneSort.Sort(words, 0, sorted);
            for (int lane = 0; lane < Lanes; lane++)
            {
                int ones = System.Numerics.BitOperations.PopCount((uint)(first + lane));
                for (int i = 0; i < count; i++)
                    Assert.True(sorted[i][lane] == (i >= count - ones ? 1u : 0u), $"pattern {first + lane}, output {i}");
            }
        }
    }

    private static void AssertSortsLikeArraySort(uint[] words, int count, int shift)
    {
        var sorted = new Vector512<uint>[count];
        LaneSort.Sort(words, shift, sorted);
        for (int lane = 0; lane < Lanes; lane++)
        {
            var expected = new uint[count];
            for (int i = 0; i < count; i++)
                expected[i] = words[i * Lanes + lane] >> shift;
            Array.Sort(expected);
            for (int i = 0; i < count; i++)
                Assert.True(expected[i] == sorted[i][lane], $"count {count}, lane {lane}, position {i}: {sorted[i][lane]}, expected {expected[i]}");
        }
    }
}
