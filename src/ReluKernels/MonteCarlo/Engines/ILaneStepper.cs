using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// The per-layer step of a lane engine: <see cref="Lanes"/> independent networks (one per float lane of a
/// <see cref="Vector512{T}"/>) advance one hidden layer at a time. A struct implementation lets the JIT specialise
/// <see cref="LaneScheduler"/> per engine with no virtual calls.
/// </summary>
internal interface ILaneStepper
{
    /// <summary>Networks advanced together: the float lanes of one 512-bit vector.</summary>
    const int Lanes = 16;

    /// <summary>Puts a fresh network in <paramref name="lane"/>: its "layer 0" is the input at x = +1 and x = −1.</summary>
    void Reset(int lane);

    /// <summary>Draws the next layer of every lane and applies it; returns bit masks of the lanes whose new layer is zero at x = +1 and at x = −1.</summary>
    void Step(ref CounterRng rng, out uint zeroAtPlus, out uint zeroAtMinus);
}
