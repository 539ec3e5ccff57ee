using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// What <see cref="Trainer{TKernel, T}"/> needs from a network kernel: the sample-parallel forward and backward passes of
/// one shape. Implemented by two structs, <see cref="GeneratedKernel{TNet, T}"/> (a source-generated shape) and
/// <see cref="GenericKernel{T}"/> (any run-time shape, on <see cref="GenericNetwork{T}"/>), so the training loop is
/// written once and, because the trainer is generic over the struct, the JIT compiles it once per kernel type with
/// direct calls (per generated shape, with the shape's constants folded).
/// </summary>
/// <remarks>
/// Layouts and semantics are those of <see cref="IReluNetwork{TSelf, T}"/>: feature-major inputs <c>inputs[k·batch + s]</c>
/// and outputs <c>outputs[o·batch + s]</c>; <see cref="Backward"/> <b>adds</b> dL/dθ summed over the batch. A kernel
/// value may own scratch memory, so one value must not be used by two threads at once; <see cref="Fork"/> gives a value
/// another thread can use.
/// </remarks>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public interface ITrainableNetwork<TSelf, T>
    where TSelf : struct, ITrainableNetwork<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The shape (default, with width 0, for an uninitialised kernel value).</summary>
    NetworkArchitecture Architecture { get; }

    /// <summary>Length of the workspace <see cref="Backward"/> needs (independent of the batch size).</summary>
    int BackwardWorkspaceLength { get; }

    /// <summary>Which kernel runs, for reports: e.g. "generated Narrow (Auto)" or "generic 1→[500×1]→1 ReLU".</summary>
    string Description { get; }

    /// <summary>Evaluates the network on a batch; see <see cref="IReluNetwork{TSelf, T}.Forward"/>.</summary>
    void Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, Span<T> outputs);

    /// <summary>Adds dL/dθ summed over the batch to <paramref name="parameterGradients"/>; see <see cref="IReluNetwork{TSelf, T}.Backward"/>.</summary>
    void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> outputGradients, Span<T> parameterGradients, Span<T> workspace);

    /// <summary>A kernel with the same shape and settings and its own scratch memory, for use on another thread.</summary>
    TSelf Fork();
}
