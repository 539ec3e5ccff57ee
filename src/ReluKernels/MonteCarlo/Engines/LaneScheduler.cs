using System.Numerics;
using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// Keeps every lane busy: when a lane's network is decided (a layer is zero at both x = ±1, so zero on all of Ω by
/// homogeneity, or it reached the full depth) its outcome is recorded and a fresh network takes the lane. Narrow nets
/// mostly die within a few layers, so without refilling most of the vector would idle (docs/benchmarks.md#what-limits-speed). The weight-space
/// engine runs on it; the function-space engine follows cohorts layer by layer instead (<see cref="FunctionSpaceEngine"/>).
/// <para>
/// Two steppers (2 × 16 lanes) advance in turn each iteration. A layer of a narrow net is a short chain of dependent
/// square roots, divisions and reductions; with two independent chains in flight the core overlaps them (measured
/// 10–30% faster for widths 2–5). The bookkeeping (layer counters, first layer zero at the probe, which lanes finished) is
/// vectorised too: for width 2 a layer costs only a few dozen vector instructions, and per-lane scalar bookkeeping used
/// to cost more than the layer.
/// </para>
/// The schedule depends only on the drawn values, so a block's outcomes are a pure function of its stream.
/// </summary>
internal static class LaneScheduler
{
    private const int Lanes = ILaneStepper.Lanes;

    private static readonly Vector512<int> LaneBits = Vector512.Create(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768);

    public static void Run<TStepper>(ref TStepper first, ref TStepper second, CollapseExperiment experiment, ref CounterRng rng, int trials, CollapseTally tally)
        where TStepper : struct, ILaneStepper
    {
        if (trials <= 0)
            return;
        Span<int> layers = stackalloc int[2 * Lanes], zeroFroms = stackalloc int[2 * Lanes], deads = stackalloc int[2 * Lanes];
        bool probeOnPlusSide = experiment.Probe > 0;
        var depth = Vector512.Create(experiment.Depth);
        Vector512<int> layer0 = default, layer1 = default, zeroFrom0 = default, zeroFrom1 = default;
        int started = Math.Min(2 * Lanes, trials);
        uint active = started == 2 * Lanes ? uint.MaxValue : (1u << started) - 1;

        first.Restart();
        second.Restart();
        first.Reset(Vector512<int>.AllBitsSet);
        second.Reset(Vector512<int>.AllBitsSet);
        while (active != 0)
        {
            // Idle lanes at the end of a block step too; their results are ignored.
            first.Step(ref rng, out var plus0, out var minus0);
            second.Step(ref rng, out var plus1, out var minus1);
            var dead0 = Advance(ref layer0, ref zeroFrom0, plus0, minus0, probeOnPlusSide);
            var dead1 = Advance(ref layer1, ref zeroFrom1, plus1, minus1, probeOnPlusSide);
            uint finished = ((uint)(dead0 | Vector512.Equals(layer0, depth)).ExtractMostSignificantBits()
                | (uint)(dead1 | Vector512.Equals(layer1, depth)).ExtractMostSignificantBits() << Lanes) & active;
            if (finished == 0)
                continue;

            layer0.CopyTo(layers);
            layer1.CopyTo(layers[Lanes..]);
            zeroFrom0.CopyTo(zeroFroms);
            zeroFrom1.CopyTo(zeroFroms[Lanes..]);
            dead0.CopyTo(deads);
            dead1.CopyTo(deads[Lanes..]);
            uint refill = 0;
            for (uint pending = finished; pending != 0; pending &= pending - 1)
            {
                int lane = BitOperations.TrailingZeroCount(pending);
                tally.Record(deads[lane] != 0 ? layers[lane] : 0, zeroFroms[lane]);
                if (started < trials)
                {
                    refill |= 1u << lane;
                    started++;
                }
            }
            active &= ~(finished & ~refill);
            if ((refill & 0xFFFFu) != 0)
                Refill(ref first, ref layer0, ref zeroFrom0, Mask(refill & 0xFFFFu));
            if (refill >> Lanes != 0)
                Refill(ref second, ref layer1, ref zeroFrom1, Mask(refill >> Lanes));
        }
    }

    /// <summary>Counts the new layer; returns the mask of lanes now dead on all of Ω.</summary>
    private static Vector512<int> Advance(ref Vector512<int> layer, ref Vector512<int> zeroFrom, Vector512<int> zeroPlus, Vector512<int> zeroMinus, bool probeOnPlusSide)
    {
        layer += Vector512<int>.One;
        var zeroAtProbe = probeOnPlusSide ? zeroPlus : zeroMinus;
        zeroFrom = Vector512.ConditionalSelect(Vector512.Equals(zeroFrom, Vector512<int>.Zero) & zeroAtProbe, layer, zeroFrom);
        return zeroPlus & zeroMinus;
    }

    private static void Refill<TStepper>(ref TStepper stepper, ref Vector512<int> layer, ref Vector512<int> zeroFrom, Vector512<int> fresh)
        where TStepper : struct, ILaneStepper
    {
        stepper.Reset(fresh);
        layer = Vector512.AndNot(layer, fresh);
        zeroFrom = Vector512.AndNot(zeroFrom, fresh);
    }

    private static Vector512<int> Mask(uint bits) => Vector512.Equals(Vector512.Create((int)bits) & LaneBits, LaneBits);
}
