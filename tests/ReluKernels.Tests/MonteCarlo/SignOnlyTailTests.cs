using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>
/// <see cref="SignOnlyTail"/> replaces the simulation of every layer after a lane becomes sign-only by one draw; the
/// law it must draw from is hand-derived: each later layer kills the surviving direction with probability q = 2^−n,
/// independently, so P(death at layer + k) = (1 − q)^(k−1)·q for k ≤ depth − layer, and P(alive at depth) = (1 − q)^(depth − layer).
/// </summary>
public sealed class SignOnlyTailTests
{
    [Theory]
    [InlineData(1, 12, 0, true)]
    [InlineData(2, 10, 3, false)]
    [InlineData(3, 20, 1, true)]
    [InlineData(5, 30, 4, true)]
    public void Death_layer_follows_the_geometric_law(int width, int depth, int layer, bool probeSideAlive)
    {
        const int draws = 400_003; // not a whole number of vectors or buffers
        var tally = new CollapseTally(depth);
        var rng = new CounterRng(31, (ulong)width);
        new SignOnlyTail(width, depth, probeOnPlusSide: true).Finish(layer, draws, probeSideAlive, tally, ref rng);

        double q = Math.Pow(2, -width);
        for (int l = 1; l <= layer; l++)
            Assert.Equal(0, tally.FirstDeadLayer[l]);
        for (int k = 1; k <= depth - layer; k++)
            Assert.True(BinomialTest.AgreesWith(tally.FirstDeadLayer[layer + k], draws, Math.Pow(1 - q, k - 1) * q),
                $"dead at layer {layer + k}: {tally.FirstDeadLayer[layer + k]} of {draws}");
        long alive = draws - tally.CollapsedByDepth(depth);
        Assert.True(BinomialTest.AgreesWith(alive, draws, Math.Pow(1 - q, depth - layer)), $"alive at depth {depth}: {alive} of {draws}");
        // With the probe's side alive the probe goes zero exactly when the network dies; otherwise the tail records no zero.
        for (int d = 1; d <= depth; d++)
            Assert.Equal(probeSideAlive ? tally.CollapsedByDepth(d) : 0, tally.ZeroAtProbeAt(d));
    }

    [Fact]
    public void Networks_sign_only_at_the_last_layer_survive_without_a_draw()
    {
        var tally = new CollapseTally(6);
        var rng = new CounterRng(3, 4);
        var before = rng;
        new SignOnlyTail(2, 6, probeOnPlusSide: true).Finish(6, 1000, probeSideAlive: true, tally, ref rng);
        Assert.Equal(0, tally.Collapsed);
        Assert.Equal(before.Position, rng.Position);
    }

    [Theory]
    [InlineData(2, 10, true)]
    [InlineData(3, 6, false)]
    [InlineData(2, 1, true)]
    [InlineData(1, 4, false)]
    public void One_sided_starts_have_probability_two_to_the_one_minus_n_and_die_geometrically(int width, int depth, bool probeOnPlusSide)
    {
        // Layer 1 is one-sided when all n weights share a sign (2·2^−n), half of those on the probe's side; a one-sided
        // network then dies by depth d with probability 1 − (1 − 2^−n)^(d−1). The tally holds only their outcomes.
        const int trials = 400_003; // not a whole number of buffers or vectors
        var tally = new CollapseTally(depth);
        var rng = new CounterRng(41, (ulong)(width * 100 + depth));
        int twoSided = new SignOnlyTail(width, depth, probeOnPlusSide).FinishOneSidedStarts(trials, tally, ref rng);

        double q = Math.Pow(2, -width);
        Assert.True(BinomialTest.AgreesWith(trials - twoSided, trials, 2 * q), $"one-sided: {trials - twoSided} of {trials}");
        Assert.True(BinomialTest.AgreesWith(tally.ZeroAtProbeAt(1), trials, q), $"zero at the probe at layer 1: {tally.ZeroAtProbeAt(1)} of {trials}");
        for (int d = 1; d <= depth; d++)
            Assert.True(BinomialTest.AgreesWith(tally.CollapsedByDepth(d), trials, 2 * q * (1 - Math.Pow(1 - q, d - 1))),
                $"collapsed by depth {d}: {tally.CollapsedByDepth(d)} of {trials}");
        // The other side's networks become zero at the probe when they die.
        for (int d = 2; d <= depth; d++)
            Assert.True(BinomialTest.AgreesWith(tally.ZeroAtProbeAt(d), trials, q + q * (1 - Math.Pow(1 - q, d - 1))),
                $"zero at the probe at layer {d}: {tally.ZeroAtProbeAt(d)} of {trials}");
    }

    [Fact]
    public void Restart_makes_the_same_stream_give_the_same_counts()
    {
        var tail = new SignOnlyTail(2, 40, probeOnPlusSide: true);
        var first = new CollapseTally(40);
        var second = new CollapseTally(40);
        var rng = new CounterRng(5, 6);
        tail.Finish(0, 300, probeSideAlive: true, first, ref rng);
        tail.Restart();
        rng = new CounterRng(5, 6);
        tail.Finish(0, 300, probeSideAlive: true, second, ref rng);
        Assert.Equal(first.FirstDeadLayer.ToArray(), second.FirstDeadLayer.ToArray());
        Assert.True(first.Collapsed > 0);
    }
}
