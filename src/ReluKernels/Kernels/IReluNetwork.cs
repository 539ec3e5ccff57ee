using System.Numerics;

namespace ReluKernels;

/// <summary>
/// A network shape with compiled kernels. The source generator implements it for every <see cref="NetworkShapeAttribute"/>
/// type, so generic drivers (<c>Run&lt;TNet&gt;</c>) are specialised per shape by the JIT with no virtual calls.
/// </summary>
/// <remarks>
/// <para><b>Sample-parallel layout</b> (SIMD lanes = samples), used by <see cref="Forward"/> and <see cref="Backward"/>:
/// inputs are feature-major, <c>inputs[k * batch + s]</c> for feature k of sample s; outputs likewise
/// <c>outputs[o * batch + s]</c>. The batch size is <c>inputs.Length / InputDim</c>.</para>
/// <para><b>Network-parallel layout</b> (SIMD lanes = independent networks), used by <see cref="ForwardNetworks"/>:
/// networks come in blocks of <see cref="NetworkLanes"/>; within a block, parameter p of lane n is at
/// <c>(block * ParameterCount + p) * NetworkLanes + n</c>, and output o at <c>(block * OutputDim + o) * NetworkLanes + n</c>.
/// The block size is fixed per element type (64 bytes), not per ISA, so results do not depend on the path that ran.</para>
/// <para>Non-finite values propagate as IEEE-754 arithmetic does: ReLU is the IEEE maximum <c>max(z, 0)</c>, so NaN stays
/// NaN; its derivative is 1 where the output is &gt; 0 and 0 elsewhere (also at 0 and for NaN).</para>
/// </remarks>
/// <typeparam name="TSelf">The generated type.</typeparam>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public interface IReluNetwork<TSelf, T>
    where TSelf : IReluNetwork<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The shape, as a run-time value (for the generic kernel, initialisers and reports).</summary>
    static abstract NetworkArchitecture Architecture { get; }

    /// <summary>Total number of parameters.</summary>
    static abstract int ParameterCount { get; }

    /// <summary>Networks per block in the network-parallel layout: 64 bytes of <typeparamref name="T"/>.</summary>
    static abstract int NetworkLanes { get; }

    /// <summary>Length of the workspace <see cref="Backward"/> needs (independent of the batch size).</summary>
    static abstract int BackwardWorkspaceLength { get; }

    /// <summary>Evaluates one network on a batch (sample-parallel layout).</summary>
    /// <param name="parameters">The parameters, length <see cref="ParameterCount"/>.</param>
    /// <param name="inputs">Feature-major inputs, length <c>InputDim * batch</c>.</param>
    /// <param name="outputs">Feature-major outputs, length <c>OutputDim * batch</c>; overwritten.</param>
    /// <param name="path">The ISA path; <see cref="KernelPath.Auto"/> picks the widest accelerated one.</param>
    /// <exception cref="ArgumentException">A span has the wrong length (the message names the expected one).</exception>
    static abstract void Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, Span<T> outputs, KernelPath path = KernelPath.Auto);

    /// <summary>
    /// Back-propagates <paramref name="outputGradients"/> (dL/dy) through the network on a batch (sample-parallel layout):
    /// <b>adds</b> dL/dθ summed over the batch to <paramref name="parameterGradients"/> and, when
    /// <paramref name="inputGradients"/> is not empty, <b>writes</b> dL/dx per sample into it.
    /// </summary>
    /// <param name="parameters">The parameters, length <see cref="ParameterCount"/>.</param>
    /// <param name="inputs">Feature-major inputs, length <c>InputDim * batch</c>.</param>
    /// <param name="outputGradients">Feature-major dL/dy, length <c>OutputDim * batch</c>.</param>
    /// <param name="parameterGradients">Accumulates dL/dθ, length <see cref="ParameterCount"/>.</param>
    /// <param name="inputGradients">Empty, or feature-major dL/dx of length <c>InputDim * batch</c> (overwritten).</param>
    /// <param name="workspace">Scratch memory of length at least <see cref="BackwardWorkspaceLength"/>.</param>
    /// <param name="path">The ISA path; <see cref="KernelPath.Auto"/> picks the widest accelerated one.</param>
    /// <exception cref="ArgumentException">A span has the wrong length (the message names the expected one).</exception>
    static abstract void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> outputGradients,
        Span<T> parameterGradients, Span<T> inputGradients, Span<T> workspace, KernelPath path = KernelPath.Auto);

    /// <summary>Evaluates blocks of independent networks at one input point (network-parallel layout).</summary>
    /// <param name="parameters">Interleaved parameters, length <c>blocks * ParameterCount * NetworkLanes</c>.</param>
    /// <param name="input">One input point, length <c>InputDim</c>, shared by every network.</param>
    /// <param name="outputs">Interleaved outputs, length <c>blocks * OutputDim * NetworkLanes</c>; overwritten.</param>
    /// <param name="path">The ISA path; <see cref="KernelPath.Auto"/> picks the widest accelerated one.</param>
    /// <exception cref="ArgumentException">A span has the wrong length (the message names the expected one).</exception>
    static abstract void ForwardNetworks(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> outputs, KernelPath path = KernelPath.Auto);
}
