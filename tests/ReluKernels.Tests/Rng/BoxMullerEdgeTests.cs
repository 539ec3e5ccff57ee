using System.Runtime.Intrinsics;

namespace ReluKernels.Tests.Rng;

/// <summary>The float Box–Muller at the edge of its radius word, on every path that shares the kernel.</summary>
public sealed class BoxMullerEdgeTests
{
    [Theory]
    [InlineData(0xFFFF_FFFFu)]
    [InlineData(0xFFFF_FF80u)]
    [InlineData(0xFFFF_FF00u)]
    public void Radius_words_that_round_to_one_do_not_give_exact_zeros(uint a)
    {
        // u1 = ((a >> 1) | 1)·2^-31 rounds to 1f for these words; uncapped, r = 0 and both outputs were exactly 0.
        const uint b = 0x1234_5678u;
        float cos = 0, sin = 0;
        RngKernels<ScalarOps, uint, float, ulong, double>.BoxMullerF(a, b, ref cos, ref sin);
        Assert.True(cos != 0 && sin != 0, $"a = {a:X8}: ({cos}, {sin})");
        Assert.True(MathF.Abs(cos) < 1e-3f && MathF.Abs(sin) < 1e-3f, $"a = {a:X8}: ({cos}, {sin}) should be the smallest radius");
    }

    [Theory]
    [InlineData(0xFFFF_FFFFu)]
    [InlineData(0x0000_0000u)]
    public void The_vector_path_agrees_at_the_edges(uint a)
    {
        Assert.SkipUnless(Vector512.IsHardwareAccelerated, "Vector512 is not accelerated here");
        const uint b = 0x1234_5678u;
        float cos = 0, sin = 0;
        RngKernels<ScalarOps, uint, float, ulong, double>.BoxMullerF(a, b, ref cos, ref sin);
        var wide = new float[32];
        RngKernels<Simd512Ops, Vector512<uint>, Vector512<float>, Vector512<ulong>, Vector512<double>>.BoxMullerF(
            Vector512.Create(a), Vector512.Create(b), ref wide[0], ref wide[16]);
        Assert.Equal(cos, wide[0]);
        Assert.Equal(sin, wide[16]);
    }
}
