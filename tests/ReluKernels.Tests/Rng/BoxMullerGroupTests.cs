using ReluKernels.Statistics;

namespace ReluKernels.Tests.Rng;

/// <summary>
/// Box–Muller pairs row 0 with row 1 (and row 2 with row 3) of a block, so a normal also reads its partner's words half a
/// group away. These tests pin the rule that keeps those words from being read again by a draw of another kind: normals
/// own whole 32-word groups. Found through the length map: Glorot-uniform weights after Gaussian biases at width 8 reused
/// the biases' angle words and broke the exact ReLU recursion (docs/theory/length-map.md).
/// </summary>
public class BoxMullerGroupTests
{
    private const ulong Seed = 17, Stream = 3;

    [Fact]
    public void Uniforms_after_normals_that_stop_inside_a_group_start_at_its_end()
    {
        // The length map's layer at width 8: 64 uniform doubles (words 0..127, two whole blocks), 8 normal doubles (words
        // 128..143, whose Box–Muller partners are words 144..159), then the next layer's uniforms.
        var rng = new CounterRng(Seed, Stream);
        var weights = new double[64];
        var biases = new double[8];
        rng.FillUniform(weights);
        rng.FillNormal(biases);
        var group = new double[16];
        new CounterRng(Seed, Stream, 128).FillNormal(group);
        Assert.Equal(PhiloxTests.Bits(group[..8]), PhiloxTests.Bits(biases));
        // The group is words 128..159, so the next uniform is the first one of word 160.
        Assert.Equal(new CounterRng(Seed, Stream, 160).NextDouble(), rng.NextDouble());
        Assert.Equal(162UL, rng.Position);
    }

    [Fact]
    public void Normals_after_other_draws_start_at_a_fresh_group()
    {
        // 8 uniform doubles take words 0..15; a normal at word 16 would be the sine of the pair that reads words 0..15.
        var rng = new CounterRng(Seed, Stream);
        rng.FillUniform(new double[8]);
        var normals = new double[4];
        rng.FillNormal(normals);
        var fresh = new double[4];
        new CounterRng(Seed, Stream, 32).FillNormal(fresh);
        Assert.Equal(PhiloxTests.Bits(fresh), PhiloxTests.Bits(normals));
        // Single words after single normals, too: one normal at word 32 pairs with word 48, so the next word is 64.
        var single = new CounterRng(Seed, Stream, 32);
        single.NextNormalSingle();
        Assert.Equal(new CounterRng(Seed, Stream, 64).NextUInt32(), single.NextUInt32());
    }

    [Fact]
    public void A_run_of_normals_in_chunks_and_across_precisions_is_unchanged_by_the_rule()
    {
        // Continuing normals of one precision never skip: 5 + 27 + 1 scalar + 31 doubles equal one fill of 64.
        var whole = new double[64];
        new CounterRng(Seed, Stream).FillNormal(whole);
        var rng = new CounterRng(Seed, Stream);
        var chunked = new double[64];
        rng.FillNormal(chunked.AsSpan(0, 5));
        rng.FillNormal(chunked.AsSpan(5, 27));
        chunked[32] = rng.NextNormalDouble();
        rng.FillNormal(chunked.AsSpan(33));
        Assert.Equal(PhiloxTests.Bits(whole), PhiloxTests.Bits(chunked));
        // Switching precision inside a group starts a fresh one: the layouts differ, so their partners would overlap.
        rng = new CounterRng(Seed, Stream);
        rng.NextNormalDouble();
        Assert.Equal(new CounterRng(Seed, Stream, 32).NextNormalSingle(), rng.NextNormalSingle());
    }

    [Fact]
    public void Uniform_weights_are_independent_of_the_normal_biases_drawn_before_them()
    {
        // The length map's draw order at width 8, per network: W¹ (64 uniforms), b¹ (8 normals), W² (64 uniforms). A
        // shared 64-bit word ties them: the top two bits give both the uniform's quarter and the angle's quadrant, so
        // "|W²_{0,i}| in the outer half" coincided with "b¹_i > 0" every time. Independent draws agree with probability 1/2.
        const int networks = 20_000, width = 8;
        var w1 = new double[width * width];
        var b1 = new double[width];
        var w2 = new double[width * width];
        long agree = 0, trials = 0;
        for (int s = 0; s < networks; s++)
        {
            var rng = new CounterRng(Seed, (ulong)s);
            rng.FillUniform(w1);
            rng.FillNormal(b1);
            rng.FillUniform(w2);
            for (int i = 0; i < width; i++, trials++)
                if (Math.Abs(2 * w2[i] - 1) > 0.5 == b1[i] > 0)
                    agree++;
        }
        Assert.True(BinomialTest.AgreesWith(agree, trials, 0.5), $"{agree}/{trials} agreements, expected p = 1/2.");
    }
}
