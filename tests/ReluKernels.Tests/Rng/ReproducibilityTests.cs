using FsCheck.Xunit;

namespace ReluKernels.Tests.Rng;

public class ReproducibilityTests
{
    private const int N = 1500;

    private static int[] Cuts(ushort[] raw)
    {
        var cuts = Array.ConvertAll(raw ?? [], c => c % (N + 1));
        Array.Sort(cuts);
        return cuts;
    }

    [Property(MaxTest = 60)]
    public bool ChunkedSingleNormalsEqualOneFill(ushort[] raw, ushort start) =>
        PhiloxTests.Bits(FillWhole<float>(1, start, Normals)).SequenceEqual(PhiloxTests.Bits(FillChunked<float>(raw, 1, start, Normals)));

    [Property(MaxTest = 60)]
    public bool ChunkedDoubleNormalsEqualOneFill(ushort[] raw, ushort start) =>
        PhiloxTests.Bits(FillWhole<double>(2, start, Normals)).SequenceEqual(PhiloxTests.Bits(FillChunked<double>(raw, 2, start, Normals)));

    private delegate void Fill<T>(ref CounterRng rng, Span<T> values);

    private static void Normals(ref CounterRng rng, Span<float> values) => rng.FillNormal(values);

    private static void Normals(ref CounterRng rng, Span<double> values) => rng.FillNormal(values);

    private static T[] FillWhole<T>(ulong stream, ushort start, Fill<T> fill)
    {
        var values = new T[N];
        var rng = new CounterRng(42, stream, start);
        fill(ref rng, values);
        return values;
    }

    /// <summary>The same N values, filled in pieces split at the (sorted) cut points.</summary>
    private static T[] FillChunked<T>(ushort[] raw, ulong stream, ushort start, Fill<T> fill)
    {
        var values = new T[N];
        var rng = new CounterRng(42, stream, start);
        int from = 0;
        foreach (int cut in Cuts(raw))
        {
            fill(ref rng, values.AsSpan(from, cut - from));
            from = cut;
        }
        fill(ref rng, values.AsSpan(from));
        return values;
    }

    [Property(MaxTest = 60)]
    public bool ChunkedUniformsAndWordsEqualOneFill(ushort[] raw)
    {
        var whole = new float[N];
        var wholeWords = new uint[N];
        var a = new CounterRng(9, 9);
        a.FillUniform(whole);
        a.Fill(wholeWords);
        var chunked = new float[N];
        var chunkedWords = new uint[N];
        var b = new CounterRng(9, 9);
        int from = 0;
        foreach (int cut in Cuts(raw))
        {
            b.FillUniform(chunked.AsSpan(from, cut - from));
            from = cut;
        }
        b.FillUniform(chunked.AsSpan(from));
        from = 0;
        foreach (int cut in Cuts(raw))
        {
            b.Fill(chunkedWords.AsSpan(from, cut - from));
            from = cut;
        }
        b.Fill(chunkedWords.AsSpan(from));
        return whole.SequenceEqual(chunked) && wholeWords.SequenceEqual(chunkedWords) && a.Position == b.Position;
    }

    [Fact]
    public void StreamsFilledOnDifferentThreadsEqualSequentialFills()
    {
        const int streams = 16, length = 5000;
        var sequential = new float[streams][];
        for (int s = 0; s < streams; s++)
        {
            var rng = new CounterRng(2024, (ulong)s);
            sequential[s] = new float[length];
            rng.FillNormal(sequential[s]);
        }
        var parallel = new float[streams][];
        Parallel.For(0, streams, new ParallelOptions { MaxDegreeOfParallelism = 4 }, s =>
        {
            var rng = new CounterRng(2024, (ulong)s);
            parallel[s] = new float[length];
            // Uneven chunks on each thread, too.
            rng.FillNormal(parallel[s].AsSpan(0, 17 * s + 1));
            rng.FillNormal(parallel[s].AsSpan(17 * s + 1));
        });
        for (int s = 0; s < streams; s++)
            Assert.Equal(PhiloxTests.Bits(sequential[s]), PhiloxTests.Bits(parallel[s]));
    }

    [Fact]
    public void NeighbouringStreamsAndSeedsAreUncorrelated()
    {
        // Pairs that differ in one bit of the seed or the stream must look independent: the sample correlation of
        // N normals from two independent streams is ≈ N(0, 1/N), so |r| ≤ Z/√N at α = 1e-6.
        const int n = 1 << 16;
        var reference = new double[n];
        new CounterRng(100, 100).FillNormal(reference);
        foreach (var (seed, stream) in new (ulong, ulong)[] { (101, 100), (100, 101), (100 | (1UL << 63), 100), (100, 100 | (1UL << 40)) })
        {
            var other = new double[n];
            new CounterRng(seed, stream).FillNormal(other);
            double dot = 0;
            for (int i = 0; i < n; i++)
                dot += reference[i] * other[i];
            double r = dot / n;
            Assert.True(Math.Abs(r) <= StatisticalAssert.Z / Math.Sqrt(n), $"(seed {seed}, stream {stream}): correlation {r}.");
        }
    }
}
