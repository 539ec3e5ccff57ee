using System.Numerics;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Keeps all 16 lanes busy: when a lane's network is decided (a layer is zero at both x = ±1, so zero on all of Ω by
/// homogeneity, or it reached the full depth) its outcome is recorded and a fresh network takes the lane. Narrow nets
/// mostly die within a few layers, so without refilling most of the vector would idle (DESIGN.md §11).
/// The schedule depends only on the drawn values, so a block's outcomes are a pure function of its stream.
/// </summary>
internal static class LaneScheduler
{
    public static void Run<TStepper>(ref TStepper stepper, CollapseExperiment experiment, ref CounterRng rng, int trials, CollapseTally tally)
        where TStepper : struct, ILaneStepper
    {
        const int lanes = ILaneStepper.Lanes;
        Span<int> layer = stackalloc int[lanes];
        Span<int> zeroFrom = stackalloc int[lanes];
        bool probeOnPlusSide = experiment.Probe > 0;
        int depth = experiment.Depth, started = 0;
        uint active = 0;
        for (int lane = 0; lane < lanes && started < trials; lane++, started++)
        {
            stepper.Reset(lane);
            active |= 1u << lane;
        }
        while (active != 0)
        {
            // Idle lanes at the end of a block step too; their results are ignored.
            stepper.Step(ref rng, out uint zeroPlus, out uint zeroMinus);
            uint zeroAtProbe = probeOnPlusSide ? zeroPlus : zeroMinus;
            uint pending = active;
            while (pending != 0)
            {
                int lane = BitOperations.TrailingZeroCount(pending);
                pending &= pending - 1;
                int l = ++layer[lane];
                if (zeroFrom[lane] == 0 && (zeroAtProbe >> lane & 1) != 0)
                    zeroFrom[lane] = l;
                bool dead = ((zeroPlus & zeroMinus) >> lane & 1) != 0;
                if (!dead && l < depth)
                    continue;
                tally.Record(dead ? l : 0, zeroFrom[lane]);
                layer[lane] = zeroFrom[lane] = 0;
                if (started < trials)
                {
                    stepper.Reset(lane);
                    started++;
                }
                else
                    active &= ~(1u << lane);
            }
        }
    }
}
