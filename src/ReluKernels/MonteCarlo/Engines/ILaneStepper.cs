using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// The per-layer step of a lane engine: <see cref="Lanes"/> independent networks (one per float lane of a
/// <see cref="Vector512{T}"/>) advance one hidden layer at a time. A struct implementation lets the JIT specialise
/// <see cref="LaneScheduler"/> per engine with no virtual calls. Lane masks are all-ones / all-zeros int lanes.
/// </summary>
internal interface ILaneStepper
{
    /// <summary>Networks advanced together: the float lanes of one 512-bit vector.</summary>
    const int Lanes = 16;

    /// <summary>Called before the first step on a new stream: drops any buffered draws of the previous one.</summary>
    void Restart();

    /// <summary>Puts a fresh network in every lane of <paramref name="lanes"/>: its "layer 0" is the input at x = +1 and x = −1.</summary>
    void Reset(Vector512<int> lanes);

    /// <summary>Draws the next layer of every lane and applies it; returns the masks of lanes whose new layer is zero at x = +1 and at x = −1.</summary>
    void Step(ref CounterRng rng, out Vector512<int> zeroAtPlus, out Vector512<int> zeroAtMinus);
}
