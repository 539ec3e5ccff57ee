using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>
/// <see cref="SignOnlyTail"/> replaces the simulation of every layer after a lane becomes sign-only by one draw; the
/// law it must draw from is hand-derived: each later layer kills the surviving direction with probability q = 2^−n,
/// independently, so P(death at layer + k) = (1 − q)^(k−1)·q for k ≤ depth − layer, and P(alive at depth) = (1 − q)^(depth − layer).
/// </summary>
public sealed class SignOnlyTailTests
{
    [Theory]
    [InlineData(1, 12, 0)]
    [InlineData(2, 10, 3)]
    [InlineData(3, 20, 1)]
    [InlineData(5, 30, 4)]
    public void Death_layer_follows_the_geometric_law(int width, int depth, int layer)
    {
        const int draws = 400_000;
        var tail = new SignOnlyTail(width, depth);
        var rng = new CounterRng(31, (ulong)width);
        var counts = new long[depth + 1];
        for (int i = 0; i < draws; i++)
        {
            int death = tail.DeathLayer(layer, ref rng);
            Assert.True(death == 0 || (death > layer && death <= depth), $"death layer {death} outside ({layer}, {depth}]");
            counts[death]++;
        }

        double q = Math.Pow(2, -width);
        for (int k = 1; k <= depth - layer; k++)
            Assert.True(BinomialTest.AgreesWith(counts[layer + k], draws, Math.Pow(1 - q, k - 1) * q),
                $"dead at layer {layer + k}: {counts[layer + k]} of {draws}");
        Assert.True(BinomialTest.AgreesWith(counts[0], draws, Math.Pow(1 - q, depth - layer)),
            $"alive at depth {depth}: {counts[0]} of {draws}");
    }

    [Theory]
    [InlineData(2, 10, true)]
    [InlineData(3, 6, false)]
    [InlineData(2, 1, true)]
    [InlineData(1, 4, false)]
    public void One_sided_starts_have_probability_two_to_the_one_minus_n_and_die_geometrically(int width, int depth, bool probeOnPlusSide)
    {
        // Layer 1 is one-sided when all n weights share a sign (2·2^−n), half of those on the probe's side; a one-sided
        // network then dies by depth d with probability 1 − (1 − 2^−n)^(d−1). At depth 1 every network is finished here.
        const int trials = 400_003; // not a whole number of chunks or vectors
        var tally = new CollapseTally(depth);
        var rng = new CounterRng(41, (ulong)(width * 100 + depth));
        int twoSided = new SignOnlyTail(width, depth).FinishOneSidedStarts(trials, tally, probeOnPlusSide, ref rng);

        double q = Math.Pow(2, -width);
        if (depth == 1)
            Assert.True(twoSided == 0 && tally.Trials == trials, $"{twoSided} left for the lanes, {tally.Trials} recorded");
        else
        {
            // Here the tally holds exactly the one-sided networks.
            Assert.Equal(trials, tally.Trials + twoSided);
            Assert.True(BinomialTest.AgreesWith(tally.Trials, trials, 2 * q), $"one-sided: {tally.Trials} of {trials}");
        }
        Assert.True(BinomialTest.AgreesWith(tally.ZeroAtProbeAt(1), trials, q), $"zero at the probe at layer 1: {tally.ZeroAtProbeAt(1)} of {trials}");
        for (int d = 1; d <= depth; d++)
            Assert.True(BinomialTest.AgreesWith(tally.CollapsedByDepth(d), trials, 2 * q * (1 - Math.Pow(1 - q, d - 1))),
                $"collapsed by depth {d}: {tally.CollapsedByDepth(d)} of {trials}");
    }

    [Fact]
    public void Restart_makes_the_same_stream_give_the_same_layers()
    {
        var tail = new SignOnlyTail(2, 40);
        var first = new int[300];
        var second = new int[300];
        var rng = new CounterRng(5, 6);
        for (int i = 0; i < first.Length; i++)
            first[i] = tail.DeathLayer(0, ref rng);
        tail.Restart();
        rng = new CounterRng(5, 6);
        for (int i = 0; i < second.Length; i++)
            second[i] = tail.DeathLayer(0, ref rng);
        Assert.Equal(first, second);
    }
}
