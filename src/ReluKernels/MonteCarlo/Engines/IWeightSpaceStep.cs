using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// One layer of the lazy weight-space collapse engine with the width unrolled, for a fixed width. The source generator
/// implements it for every ReLU <see cref="NetworkShapeAttribute"/> shape of width at most <see cref="MaxWidth"/>, so
/// <see cref="MonteCarloDriver.Run{TNet}"/> and <c>CollapseStudy.Estimate&lt;TNet&gt;</c> run a collapse study on the
/// consumer's own shape with no virtual calls. The engine draws the weights (in the same order as the hand-written
/// run-time-width engine, so the counts are identical), the generated code applies them.
/// </summary>
/// <remarks>
/// Layout: 16 independent networks ("lanes", the floats of one <see cref="Vector512{T}"/>) at once. <c>plus</c> and
/// <c>minus</c> hold a layer's outputs at x = +1 and x = −1, neuron j of lane n at <c>j * 16 + n</c>; <c>weights</c>
/// holds the next layer, <c>W[i, j]</c> of lane n at <c>(i * Width + j) * 16 + n</c>. Each neuron's pre-activation is a
/// chain of fused multiply-adds over j = 0, 1, … starting from zero, so every implementation rounds identically.
/// </remarks>
/// <typeparam name="TSelf">The generated shape.</typeparam>
public interface IWeightSpaceStep<TSelf>
    where TSelf : IWeightSpaceStep<TSelf>
{
    /// <summary>Widest shape that gets a generated step: its 2 × width state vectors fit the 32 AVX-512 registers.</summary>
    const int MaxWidth = 16;

    /// <summary>Networks advanced together: the float lanes of one 512-bit vector.</summary>
    const int Lanes = 16;

    /// <summary>The shape; only its width matters to the step, its depth and biases define the generic driver's experiment.</summary>
    static abstract NetworkArchitecture Architecture { get; }

    /// <summary>
    /// Applies one bias-free ReLU layer to every lane, in place: <c>x ← max(W x, 0)</c> at x = +1 and x = −1, then each
    /// lane rescaled by the power of two <see cref="PowerOfTwoScale.InverseOf"/> of its largest output (exact; zero
    /// patterns ignore positive scale, and floats must not overflow or underflow over thousands of layers).
    /// </summary>
    /// <param name="weights">The layer's weights, length <c>Width² × 16</c>.</param>
    /// <param name="plus">The previous layer at x = +1, length <c>Width × 16</c>; overwritten by the new one.</param>
    /// <param name="minus">The previous layer at x = −1, length <c>Width × 16</c>; overwritten by the new one.</param>
    /// <param name="zeroAtPlus">All-ones in the lanes whose new layer is zero at x = +1, else zero.</param>
    /// <param name="zeroAtMinus">All-ones in the lanes whose new layer is zero at x = −1, else zero.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    static abstract void WeightSpaceStep(ReadOnlySpan<float> weights, Span<float> plus, Span<float> minus,
        out Vector512<int> zeroAtPlus, out Vector512<int> zeroAtMinus);
}
