using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ReluKernels.Tests.Rng;

/// <summary>The ziggurat normals of the weight-space engines: law (binomial tests at α = 1e-6, docs/statistics.md) and tail.</summary>
public class ZigguratNormalTests
{
    [Fact]
    public void NormalsAreStandardNormalIncludingBeyondTheLastLayer()
    {
        // 2^24 values: every quantile count has standard error ≤ 1.2e-4, so a wedge or tail bug that moves as little as
        // 0.1% of the mass fails. Quantiles beyond R = 3.44 see only the tail path.
        var z = new float[1 << 24];
        var rng = new CounterRng(11, 0);
        ZigguratNormal.Fill(z, ref rng);
        var samples = Array.ConvertAll(z, x => (double)x);
        foreach (double q in new[] { -4.5, -4.0, -3.6, -3.0, -2.5, -2.0, -1.5, -1.0, -0.5, -0.1, 0.0, 0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.6, 4.0, 4.5 })
            StatisticalAssert.CountBelow(samples, q, Normal.CDF(0, 1, q), "ziggurat normals");
        StatisticalAssert.Moments(samples, 0, 1, 3, "ziggurat normals");
    }

    [Fact]
    public void TailWordsFollowTheNormalTailBeyondR()
    {
        // Words of the base strip with a magnitude past the accept bound all take the tail path: |z| > R and
        // P(|z| > R + d) = erfc((R + d)/√2) / erfc(R/√2). Each word gets its own position, as in a fill.
        const int n = 1 << 18;
        var words = new uint[n];
        new CounterRng(12, 0).Fill(words);
        uint bound = ZigguratTables.Accept[0];
        var excess = new double[n];
        long negative = 0;
        for (int e = 0; e < n; e++)
        {
            uint magnitude = bound + words[e] % ((1u << 24) - bound);
            uint word = (magnitude << 8) | (words[e] & ZigguratNormal.SignBit);
            float value = ZigguratNormal.Scalar(word, 12, 1, (ulong)e);
            Assert.True(Math.Abs(value) >= ZigguratTables.R, $"tail value {value} below R");
            excess[e] = Math.Abs(value) - ZigguratTables.R;
            if (value < 0)
                negative++;
        }
        double tail = SpecialFunctions.Erfc(ZigguratTables.R / Math.Sqrt(2));
        foreach (double d in new[] { 0.05, 0.1, 0.2, 0.4, 0.8 })
            StatisticalAssert.CountBelow(excess, d, 1 - SpecialFunctions.Erfc((ZigguratTables.R + d) / Math.Sqrt(2)) / tail, $"tail excess below {d}");
        Assert.True(StatisticalAssert.BinomialTwoSided(negative, n, 0.5) > StatisticalAssert.Alpha, $"{negative}/{n} negative tail values");
    }

    [Fact]
    public void RejectedWordsDrawFromTheirOwnPositionsSubStream()
    {
        // The same rejected word at two positions resolves independently; at the same position, identically.
        uint word = ZigguratTables.Accept[0] << 8; // base strip, first magnitude past the bound: always the tail
        var seen = new HashSet<float>();
        for (ulong p = 0; p < 64; p++)
        {
            Assert.Equal(ZigguratNormal.Scalar(word, 5, 0, p), ZigguratNormal.Scalar(word, 5, 0, p));
            seen.Add(ZigguratNormal.Scalar(word, 5, 0, p));
        }
        Assert.True(seen.Count > 60, $"only {seen.Count} distinct tail values from 64 positions");
    }
}
