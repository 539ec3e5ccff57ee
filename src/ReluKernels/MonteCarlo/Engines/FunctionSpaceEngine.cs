using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// The function-space engine (<see cref="EngineKind.FunctionSpace"/>): Gaussian weights, no biases, decided at x = ±1.
/// Networks are followed in cohorts, layer by layer. Layer 1 is drawn from signs for the whole cohort
/// (<see cref="SignOnlyTail.FinishOneSidedStarts"/>); the networks alive on both sides form a packed array of
/// (cos β, sin β) states that <see cref="FunctionSpaceLayer"/> advances 16 at a time. After each layer the networks
/// that died, became one-sided or got parallel sides leave the array (stream compaction), and since they all left at the
/// same layer their outcomes are recorded as counts per layer, not network by network; the sign-only ones get their
/// layer of death from <see cref="SignOnlyTail"/>.
/// </summary>
/// <remarks>
/// Layer-synchronous cohorts replaced 32 lanes that were refilled one network at a time: with that scheme, recording
/// each finished network (a scalar histogram update and a data-dependent branch) cost more than its layers at widths
/// 2–3. The order of draws depends only on the stream, so a run's outcomes are a pure function of its stream and trial
/// count.
/// </remarks>
internal sealed class FunctionSpaceEngine : CollapseEngine
{
    private const int Lanes = 16;
    // Networks followed together. Their states (2 × 8 KB) and the word buffer (16–24 KB) stay in the L1 cache.
    private const int CohortSize = 2048;
    private readonly int _width;
    private readonly bool _probeOnPlusSide;
    private readonly DrawBuffer _words;
    private readonly Vector512<uint>[] _sorted;
    private readonly SignOnlyTail _tail;
    private readonly float[] _cos = new float[CohortSize], _sin = new float[CohortSize];

    public FunctionSpaceEngine(CollapseExperiment experiment) : base(experiment)
    {
        _width = experiment.Width;
        _probeOnPlusSide = experiment.Probe > 0;
        _words = new DrawBuffer(FunctionSpaceLayer.WordsPerStep(_width), DrawKind.Words);
        _sorted = new Vector512<uint>[_width];
        _tail = new SignOnlyTail(_width, experiment.Depth, _probeOnPlusSide);
    }

    public override void Run(ref CounterRng rng, int trials, CollapseTally tally)
    {
        _words.Restart();
        _tail.Restart();
        for (int done = 0; done < trials; done += CohortSize)
            RunCohort(Math.Min(CohortSize, trials - done), ref rng, tally);
    }

    private void RunCohort(int networks, ref CounterRng rng, CollapseTally tally)
    {
        tally.AddTrials(networks);
        int alive = _tail.FinishOneSidedStarts(networks, tally, ref rng);
        // Layer 1 of a network alive on both sides is (relu(w), relu(−w)): disjoint supports, so β = 90°.
        _cos.AsSpan(0, alive).Clear();
        _sin.AsSpan(0, alive).Fill(1f);
        for (int layer = 2; layer <= Experiment.Depth && alive > 0; layer++)
            alive = StepCohort(layer, alive, ref rng, tally);
        // Those still alive on both sides at the last layer survive; CollapseTally needs no record of survivors.
    }

    /// <summary>Advances the <paramref name="alive"/> two-sided networks to <paramref name="layer"/>; returns how many stay two-sided.</summary>
    private int StepCohort(int layer, int alive, ref CounterRng rng, CollapseTally tally)
    {
        var laneIndex = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        int kept = 0, dead = 0, zeroAtProbe = 0, probeSideDied = 0, probeSideLives = 0;
        ref float cos = ref _cos[0], sin = ref _sin[0];
        for (int i = 0; i < alive; i += Lanes)
        {
            // CohortSize is a multiple of 16, so whole vectors stay inside the arrays; lanes past the end are ignored.
            var valid = Vector512.LessThan(laneIndex, Vector512.Create(alive - i));
            var c = Vector512.LoadUnsafe(ref cos, (nuint)i);
            var s = Vector512.LoadUnsafe(ref sin, (nuint)i);
            FunctionSpaceLayer.Step(ref c, ref s, _words.TakeWords(FunctionSpaceLayer.WordsPerStep(_width), ref rng), _sorted, _width,
                out var zeroAtPlus, out var zeroAtMinus, out var parallel);
            var probeZero = (_probeOnPlusSide ? zeroAtPlus : zeroAtMinus) & valid;
            var oneSided = (zeroAtPlus ^ zeroAtMinus) & valid;
            dead += Count(zeroAtPlus & zeroAtMinus & valid);
            zeroAtProbe += Count(probeZero);
            probeSideDied += Count(oneSided & probeZero);
            probeSideLives += Count(Vector512.AndNot(oneSided, probeZero) | (parallel & valid));
            var stays = Vector512.AndNot(valid, zeroAtPlus | zeroAtMinus | parallel).AsSingle();
            // In place: a store covers [kept, kept + 16) with kept ≤ i, so it overwrites nothing not yet loaded.
            LaneCompaction.Store(s, stays, ref Unsafe.Add(ref sin, kept));
            kept += LaneCompaction.Store(c, stays, ref Unsafe.Add(ref cos, kept));
        }
        tally.AddFirstDead(layer, dead);
        tally.AddZeroAtProbeFrom(layer, zeroAtProbe);
        _tail.Finish(layer, probeSideDied, probeSideAlive: false, tally, ref rng);
        _tail.Finish(layer, probeSideLives, probeSideAlive: true, tally, ref rng);
        return kept;
    }

    private static int Count(Vector512<int> lanes) => BitOperations.PopCount(lanes.ExtractMostSignificantBits());
}
