using System.Numerics;
using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Keeps every lane busy: when a lane's network is decided (a layer is zero at both x = ±1, so zero on all of Ω by
/// homogeneity, or it reached the full depth, or the stepper reports a sign-only state whose remaining life
/// <see cref="SignOnlyTail"/> draws in one step) its outcome is recorded and a fresh network takes the lane. Narrow nets
/// mostly die within a few layers, so without refilling most of the vector would idle (DESIGN.md §11). For a stepper that
/// resets to layer 1, every network's layer 1 is first drawn from signs, and those decided there never take a lane.
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

    // signOnlyTail finishes the lanes the steppers report as sign-only; null for steppers that never do.
    public static void Run<TStepper>(ref TStepper first, ref TStepper second, SignOnlyTail? signOnlyTail, CollapseExperiment experiment, ref CounterRng rng, int trials, CollapseTally tally)
        where TStepper : struct, ILaneStepper
    {
        Span<int> layers = stackalloc int[2 * Lanes], zeroFroms = stackalloc int[2 * Lanes], deads = stackalloc int[2 * Lanes], signOnlys = stackalloc int[2 * Lanes];
        bool probeOnPlusSide = experiment.Probe > 0;
        var depth = Vector512.Create(experiment.Depth);
        int resetLayer = first.ResetLayer;
        if (resetLayer == 1 && signOnlyTail is null)
            throw new ArgumentException("A stepper that resets to layer 1 needs the sign-only tail to draw layer 1.", nameof(signOnlyTail));
        var startLayer = Vector512.Create(resetLayer);
        Vector512<int> layer0 = startLayer, layer1 = startLayer, zeroFrom0 = default, zeroFrom1 = default;

        first.Restart();
        second.Restart();
        signOnlyTail?.Restart();
        if (resetLayer == 1)
            trials = signOnlyTail!.FinishOneSidedStarts(trials, tally, probeOnPlusSide, ref rng);
        if (trials <= 0)
            return;
        int started = Math.Min(2 * Lanes, trials);
        uint active = started == 2 * Lanes ? uint.MaxValue : (1u << started) - 1;
        first.Reset(Vector512<int>.AllBitsSet);
        second.Reset(Vector512<int>.AllBitsSet);
        while (active != 0)
        {
            // Idle lanes at the end of a block step too; their results are ignored.
            first.Step(ref rng, out var plus0, out var minus0, out var signOnly0);
            second.Step(ref rng, out var plus1, out var minus1, out var signOnly1);
            var dead0 = Advance(ref layer0, ref zeroFrom0, plus0, minus0, probeOnPlusSide);
            var dead1 = Advance(ref layer1, ref zeroFrom1, plus1, minus1, probeOnPlusSide);
            uint finished = ((uint)(dead0 | signOnly0 | Vector512.Equals(layer0, depth)).ExtractMostSignificantBits()
                | (uint)(dead1 | signOnly1 | Vector512.Equals(layer1, depth)).ExtractMostSignificantBits() << Lanes) & active;
            if (finished == 0)
                continue;

            layer0.CopyTo(layers);
            layer1.CopyTo(layers[Lanes..]);
            zeroFrom0.CopyTo(zeroFroms);
            zeroFrom1.CopyTo(zeroFroms[Lanes..]);
            dead0.CopyTo(deads);
            dead1.CopyTo(deads[Lanes..]);
            signOnly0.CopyTo(signOnlys);
            signOnly1.CopyTo(signOnlys[Lanes..]);
            uint refill = 0;
            for (uint pending = finished; pending != 0; pending &= pending - 1)
            {
                int lane = BitOperations.TrailingZeroCount(pending);
                RecordOutcome(tally, layers[lane], zeroFroms[lane], deads[lane] != 0, signOnlys[lane] != 0, experiment.Depth, signOnlyTail, ref rng);
                if (started < trials)
                {
                    refill |= 1u << lane;
                    started++;
                }
            }
            active &= ~(finished & ~refill);
            if ((refill & 0xFFFFu) != 0)
                Refill(ref first, ref layer0, ref zeroFrom0, Mask(refill & 0xFFFFu), startLayer);
            if (refill >> Lanes != 0)
                Refill(ref second, ref layer1, ref zeroFrom1, Mask(refill >> Lanes), startLayer);
        }
    }

    private static void RecordOutcome(CollapseTally tally, int layer, int zeroFrom, bool dead, bool signOnly, int depth, SignOnlyTail? signOnlyTail, ref CounterRng rng)
    {
        int firstDead = dead ? layer : 0;
        if (signOnly && !dead && layer < depth)
        {
            // The surviving direction carries the probe too unless the probe's side is the one already dead.
            firstDead = signOnlyTail!.DeathLayer(layer, ref rng);
            zeroFrom = zeroFrom != 0 ? zeroFrom : firstDead;
        }
        tally.Record(firstDead, zeroFrom);
    }

    /// <summary>Counts the new layer; returns the mask of lanes now dead on all of Ω.</summary>
    private static Vector512<int> Advance(ref Vector512<int> layer, ref Vector512<int> zeroFrom, Vector512<int> zeroPlus, Vector512<int> zeroMinus, bool probeOnPlusSide)
    {
        layer += Vector512<int>.One;
        var zeroAtProbe = probeOnPlusSide ? zeroPlus : zeroMinus;
        zeroFrom = Vector512.ConditionalSelect(Vector512.Equals(zeroFrom, Vector512<int>.Zero) & zeroAtProbe, layer, zeroFrom);
        return zeroPlus & zeroMinus;
    }

    private static void Refill<TStepper>(ref TStepper stepper, ref Vector512<int> layer, ref Vector512<int> zeroFrom, Vector512<int> fresh, Vector512<int> startLayer)
        where TStepper : struct, ILaneStepper
    {
        stepper.Reset(fresh);
        layer = Vector512.ConditionalSelect(fresh, startLayer, layer);
        zeroFrom = Vector512.AndNot(zeroFrom, fresh);
    }

    private static Vector512<int> Mask(uint bits) => Vector512.Equals(Vector512.Create((int)bits) & LaneBits, LaneBits);
}
