using ReluKernels.Analysis;
using ReluKernels.Compositional;

namespace ReluKernels.Tests.Compositional;

/// <summary>
/// The differentiability condition (Milkert et al. 2023, Eq. (5)) makes the jump of F' at the bends vanish as waves are
/// added. Slopes are measured on the constructed network: the exact analysis gives the kinks, and the network is
/// affine between neighbouring kinks, so values there give the one-sided slopes exactly (to rounding).
/// </summary>
public class DifferentiabilityTests
{
    private static readonly double[] Peaks = Constructions.RandomPeaks(14, seed: 11);

    /// <summary>Jump of the network's slope at its first bend x = a_0, the peak of W_0.</summary>
    private static double JumpAtFirstBend(CompositionalNetwork network)
    {
        var p = Constructions.Parameters(network);
        var kinks = LinearRegions.Analyze(network.Architecture, p, 0, 1).Output.Breakpoints;
        int at = Enumerable.Range(0, kinks.Count).MinBy(k => Math.Abs(kinks[k] - network.Peaks[0]));
        Assert.Equal(network.Peaks[0], kinks[at], 1e-12);
        double[] x = [at == 0 ? 0 : kinks[at - 1], kinks[at], at + 1 == kinks.Count ? 1 : kinks[at + 1]];
        var y = new double[3];
        new GenericNetwork<double>(network.Architecture).Forward(p, x, y);
        return (y[2] - y[1]) / (x[2] - x[1]) - (y[1] - y[0]) / (x[1] - x[0]);
    }

    private static CompositionalNetwork WithScales(int depth, Func<int, double> nextRatio)
    {
        var scales = new double[depth];
        scales[0] = Peaks[0] * Peaks[1] / 2;
        for (int k = 0; k + 1 < depth; k++)
            scales[k + 1] = scales[k] * nextRatio(k);
        return new CompositionalNetwork(Peaks.AsSpan(0, depth), scales);
    }

    [Fact]
    public void Equation_five_makes_the_jump_vanish_with_depth()
    {
        // s_{k+1} = s_k (1 − a_{k+1}) a_{k+2}, the paper's indexing.
        var jumps = Enumerable.Range(2, 11).Select(d => Math.Abs(JumpAtFirstBend(WithScales(d, k => (1 - Peaks[k + 1]) * Peaks[k + 2])))).ToArray();
        for (int i = 1; i < jumps.Length; i++)
            Assert.True(jumps[i] < jumps[i - 1], $"jump did not shrink at depth {i + 2}: {string.Join(", ", jumps)}");
        // Each further wave removes a factor ≤ max(a, 1 − a)-ish of what is left; over 10 waves in [0.2, 0.8] at least 10×.
        Assert.True(jumps[^1] < jumps[0] / 10, string.Join(", ", jumps));
    }

    [Fact]
    public void The_jump_equals_the_predicted_tail_of_the_scales()
    {
        // Jump of F' at a_0 after d waves: (κ₊ − κ₋)·[s_0 − B/(1 − a_1)] with κ₋ = 1/a_0, κ₊ = −1/(1 − a_0) (W_0's slopes)
        // and B = s_1 + Σ_{j=2}^{d−1} s_j / Π_{i=2}^{j} a_i (the truncated bracket of Eq. (4)); the sign is F = x − Σ.
        const int depth = 9;
        var network = WithScales(depth, k => (1 - Peaks[k + 1]) * Peaks[k + 2]);
        var s = network.Scales;
        double bracket = s[1], product = 1;
        for (int j = 2; j < depth; j++)
        {
            product *= Peaks[j];
            bracket += s[j] / product;
        }
        double kappaMinus = 1 / Peaks[0], kappaPlus = -1 / (1 - Peaks[0]);
        double predicted = -(kappaPlus - kappaMinus) * (s[0] - bracket / (1 - Peaks[1]));
        Assert.Equal(predicted, JumpAtFirstBend(network), 1e-9);
    }

    [Fact]
    public void The_index_shifted_by_one_leaves_a_jump_that_does_not_vanish()
    {
        // s_{k+1} = s_k (1 − a_k) a_{k+1}: the jump settles at a nonzero value instead of shrinking like Eq. (5)'s.
        double shifted = Math.Abs(JumpAtFirstBend(WithScales(12, k => (1 - Peaks[k]) * Peaks[k + 1])));
        double paper = Math.Abs(JumpAtFirstBend(WithScales(12, k => (1 - Peaks[k + 1]) * Peaks[k + 2])));
        Assert.True(shifted > 10 * paper, $"shifted {shifted}, Eq. (5) {paper}");
    }
}
