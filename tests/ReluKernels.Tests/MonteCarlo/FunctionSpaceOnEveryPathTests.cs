using System.Runtime.Intrinsics;
using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.Theory;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>
/// The function-space engine written with <see cref="Vector512"/> operations runs on every ISA: natively with AVX-512,
/// element by element otherwise, and its stream compaction has a portable branch for machines without
/// <c>vcompressps</c>. The Kernel trait puts these tests in every reduced-ISA pass of <c>.ci/run</c> (Vector256,
/// Vector128, scalar, Arm64), so each path is held against hand-computed results, not only the one this machine picks.
/// </summary>
[Trait("Category", "Kernel")]
public sealed class FunctionSpaceOnEveryPathTests
{
    [Fact]
    public void Width_two_collapses_with_the_exact_probabilities_of_depths_two_and_three()
    {
        // Depth 2: 5/32 by hand (Lu et al.'s Theorem 10 is exact there, and through depth 3; docs/theory/collapse.md).
        var t = Simulate.Run(new CollapseExperiment(2, 3), EngineKind.FunctionSpace, 400_000, seed: 8);
        Assert.True(BinomialTest.AgreesWith(t.CollapsedByDepth(2), t.Trials, 5.0 / 32), $"depth 2: {t.CollapsedByDepth(2)} of {t.Trials}");
        double three = WidthTwoCollapseChain.CollapseProbability(3);
        Assert.True(BinomialTest.AgreesWith(t.CollapsedByDepth(3), t.Trials, three), $"depth 3: {t.CollapsedByDepth(3)} of {t.Trials} vs {three}");
    }

    [Fact]
    public void Zero_at_the_probe_follows_theorem_8_through_many_layers()
    {
        var t = Simulate.Run(new CollapseExperiment(3, 12), EngineKind.FunctionSpace, 200_000, seed: 9);
        for (int d = 1; d <= 12; d++)
        {
            double p = CollapseTheory.PerInputZeroProbability(3, d);
            Assert.True(BinomialTest.AgreesWith(t.ZeroAtProbeAt(d), t.Trials, p), $"depth {d}: {t.ZeroAtProbeAt(d)} of {t.Trials} vs {p}");
        }
    }

    [Fact]
    public void Compaction_keeps_the_selected_lanes_in_order()
    {
        var random = new Random(3);
        var destination = new float[16];
        for (int trial = 0; trial < 1000; trial++)
        {
            var values = new float[16];
            var keep = new bool[16];
            for (int lane = 0; lane < 16; lane++)
            {
                values[lane] = random.Next(1000);
                keep[lane] = random.Next(3) == 0;
            }
            var mask = Vector512.Create(keep.Select(k => k ? -1 : 0).ToArray()).AsSingle();
            Array.Fill(destination, float.NaN);
            int count = LaneCompaction.Store(Vector512.Create(values), mask, ref destination[0]);

            var expected = values.Where((_, lane) => keep[lane]).ToArray();
            Assert.Equal(expected.Length, count);
            Assert.Equal(expected, destination.Take(count).ToArray());
        }
    }
}
