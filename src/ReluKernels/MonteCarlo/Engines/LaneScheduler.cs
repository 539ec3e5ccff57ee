using System.Numerics;
using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Keeps all 16 lanes busy: when a lane's network is decided (a layer is zero at both x = ±1, so zero on all of Ω by
/// homogeneity, or it reached the full depth) its outcome is recorded and a fresh network takes the lane. Narrow nets
/// mostly die within a few layers, so without refilling most of the vector would idle (DESIGN.md §11). The bookkeeping
/// (layer counters, first layer zero at the probe, which lanes finished) is itself vectorised: for width 2 a layer costs
/// only a few dozen vector instructions, and per-lane scalar bookkeeping used to cost more than the layer.
/// The schedule depends only on the drawn values, so a block's outcomes are a pure function of its stream.
/// </summary>
internal static class LaneScheduler
{
    private const int Lanes = ILaneStepper.Lanes;

    private static readonly Vector512<int> LaneBits = Vector512.Create(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768);

    public static void Run<TStepper>(ref TStepper stepper, CollapseExperiment experiment, ref CounterRng rng, int trials, CollapseTally tally)
        where TStepper : struct, ILaneStepper
    {
        if (trials <= 0)
            return;
        Span<int> layers = stackalloc int[Lanes], zeroFroms = stackalloc int[Lanes], deads = stackalloc int[Lanes];
        bool probeOnPlusSide = experiment.Probe > 0;
        var depth = Vector512.Create(experiment.Depth);
        var layer = Vector512<int>.Zero;
        var zeroFrom = Vector512<int>.Zero;
        int started = Math.Min(Lanes, trials);
        var active = Mask(started == Lanes ? 0xFFFFu : (1u << started) - 1);

        stepper.Restart();
        stepper.Reset(Vector512<int>.AllBitsSet);
        while (active != Vector512<int>.Zero)
        {
            // Idle lanes at the end of a block step too; their results are ignored.
            stepper.Step(ref rng, out var zeroPlus, out var zeroMinus);
            layer += Vector512<int>.One;
            var zeroAtProbe = probeOnPlusSide ? zeroPlus : zeroMinus;
            zeroFrom = Vector512.ConditionalSelect(Vector512.Equals(zeroFrom, Vector512<int>.Zero) & zeroAtProbe, layer, zeroFrom);
            var dead = zeroPlus & zeroMinus;
            uint finished = (uint)((dead | Vector512.Equals(layer, depth)) & active).ExtractMostSignificantBits();
            if (finished == 0)
                continue;

            layer.CopyTo(layers);
            zeroFrom.CopyTo(zeroFroms);
            dead.CopyTo(deads);
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
            active &= ~Mask(finished & ~refill);
            if (refill != 0)
            {
                var fresh = Mask(refill);
                stepper.Reset(fresh);
                layer = Vector512.AndNot(layer, fresh);
                zeroFrom = Vector512.AndNot(zeroFrom, fresh);
            }
        }
    }

    private static Vector512<int> Mask(uint bits) => Vector512.Equals(Vector512.Create((int)bits) & LaneBits, LaneBits);
}
