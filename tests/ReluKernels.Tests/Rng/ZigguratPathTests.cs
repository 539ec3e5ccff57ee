namespace ReluKernels.Tests.Rng;

/// <summary>
/// Bit-identity of the ziggurat on every path against the per-element scalar reference; <c>.ci/run</c> reruns it with
/// AVX-512, AVX2 and all intrinsics off and under qemu Arm64.
/// </summary>
[Trait("Category", "Kernel")]
public class ZigguratPathTests
{
    [Fact]
    public void EveryPathMatchesTheScalarReferenceBitForBit()
    {
        // 2^16 words give ~1,800 rejected ones (2.8%), each resolved from its own sub-stream; the odd start position and length
        // exercise a fill that is not block-aligned and a tail shorter than a vector.
        const int n = (1 << 16) + 13;
        const ulong seed = 21, stream = 3, first = 7;
        var words = new uint[n];
        new CounterRng(seed, stream, first).Fill(words);
        var expected = new uint[n];
        for (int e = 0; e < n; e++)
            expected[e] = BitConverter.SingleToUInt32Bits(ZigguratNormal.Scalar(words[e], seed, stream, first + (ulong)e));
        int rejected = 0;
        for (int e = 0; e < n; e++)
            if (!ZigguratNormal.TryFast(words[e], out _))
                rejected++;
        Assert.True(rejected > 0, "no word took the slow path: the test would not compare it");
        foreach (var path in KernelPaths.Supported)
        {
            var values = (uint[])words.Clone();
            ZigguratNormal.Transform(values, seed, stream, first, path);
            for (int e = 0; e < n; e++)
                Assert.True(values[e] == expected[e], $"{path}: element {e} is {BitConverter.UInt32BitsToSingle(values[e])}, scalar {BitConverter.UInt32BitsToSingle(expected[e])}");
        }
    }

    [Fact]
    public void ChunkedFillsEqualOneFill()
    {
        var whole = new float[4099];
        var rng = new CounterRng(4, 9);
        ZigguratNormal.Fill(whole, ref rng);
        var chunked = new float[whole.Length];
        var again = new CounterRng(4, 9);
        int at = 0;
        foreach (int size in new[] { 5, 64, 1000, 17, 3013 })
        {
            ZigguratNormal.Fill(chunked.AsSpan(at, size), ref again);
            at += size;
        }
        Assert.Equal(whole, chunked);
    }
}
