using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo;

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

    /// <summary>
    /// The layer a fresh lane is at after <see cref="Reset"/>: 0 when Reset puts the input itself (x = +1 and x = −1) in
    /// the lane; 1 when it puts layer 1 of a network alive on both sides of x = 0, for a stepper whose scheduler first
    /// decides layer 1 from signs alone with <see cref="SignOnlyTail.FinishOneSidedStarts"/>.
    /// </summary>
    int ResetLayer { get; }

    /// <summary>Puts a fresh network, at layer <see cref="ResetLayer"/>, in every lane of <paramref name="lanes"/>.</summary>
    void Reset(Vector512<int> lanes);

    /// <summary>
    /// Draws the next layer of every lane and applies it; returns the masks of lanes whose new layer is zero at x = +1 and
    /// at x = −1, and of lanes still alive whose remaining life depends only on signs (one side dead, or both sides
    /// parallel), which the scheduler may finish with <see cref="SignOnlyTail"/>. A stepper that does not detect that
    /// state returns an empty <paramref name="signOnly"/> mask and simulates every layer.
    /// </summary>
    void Step(ref CounterRng rng, out Vector512<int> zeroAtPlus, out Vector512<int> zeroAtMinus, out Vector512<int> signOnly);
}
