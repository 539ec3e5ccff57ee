using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// What <see cref="Trainer{TKernel, T}"/> needs from a network kernel: the sample-parallel forward and backward passes of
/// one shape. Implemented by three structs, <see cref="GeneratedKernel{TNet, T}"/> (a source-generated shape),
/// <see cref="GenericKernel{T}"/> (any run-time shape, on <see cref="GenericNetwork{T}"/>) and
/// <see cref="Layers.LayeredKernel{T}"/> (a run-time shape with normalisation and dropout layers), so the training loop is
/// written once and, because the trainer is generic over the struct, the JIT compiles it once per kernel type with
/// direct calls (per generated shape, with the shape's constants folded).
/// </summary>
/// <remarks>
/// Layouts and semantics are those of <see cref="IReluNetwork{TSelf, T}"/>: feature-major inputs <c>inputs[k·batch + s]</c>
/// and outputs <c>outputs[o·batch + s]</c>; <see cref="Backward"/> <b>adds</b> dL/dθ summed over the batch. A kernel
/// value may own scratch memory, so one value must not be used by two threads at once; <see cref="Fork"/> gives a value
/// another thread can use.
/// <para><b>Training mode.</b> Kernels with layers that behave differently in training (batch normalisation, dropout) learn
/// it from the trainer's hooks rather than from extra arguments to <see cref="Forward"/>: <see cref="BeginRun"/> when a
/// training starts, <see cref="BeginTrainingStep"/> and <see cref="EndTrainingStep"/> around each step's forward, backward
/// and update. Outside a step, <see cref="Forward"/> evaluates. Plain kernels implement the hooks as no-ops.</para>
/// </remarks>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public interface ITrainableNetwork<TSelf, T>
    where TSelf : struct, ITrainableNetwork<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The shape (default, with width 0, for an uninitialised kernel value).</summary>
    NetworkArchitecture Architecture { get; }

    /// <summary>Length of the parameter vector: <see cref="NetworkArchitecture.ParameterCount"/> for a plain network, more
    /// when layers add their own (<see cref="Layers.LayeredArchitecture"/>: the plain parameters first, in the same layout).</summary>
    int ParameterCount { get; }

    /// <summary>Length of the workspace <see cref="Backward"/> needs (independent of the batch size).</summary>
    int BackwardWorkspaceLength { get; }

    /// <summary>Which kernel runs, for reports: e.g. "generated Narrow (Auto)" or "generic 1→[500×1]→1 ReLU".</summary>
    string Description { get; }

    /// <summary>Evaluates the network on a batch; see <see cref="IReluNetwork{TSelf, T}.Forward"/>.</summary>
    void Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, Span<T> outputs);

    /// <summary>Adds dL/dθ summed over the batch to <paramref name="parameterGradients"/>; see <see cref="IReluNetwork{TSelf, T}.Backward"/>.</summary>
    void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> outputGradients, Span<T> parameterGradients, Span<T> workspace);

    /// <summary>Sets the parameters beyond <see cref="NetworkArchitecture.ParameterCount"/> (which an <see cref="IInitializer"/>
    /// has filled) to their initial values; nothing for a plain network.</summary>
    void CompleteInitialization(Span<T> parameters);

    /// <summary>A training run starts; <paramref name="seed"/> and <paramref name="stream"/> identify it (its shuffle stream's) and key any random masks.</summary>
    void BeginRun(ulong seed, ulong stream);

    /// <summary>The next <see cref="Forward"/> and <see cref="Backward"/> belong to a training step on the data-set samples
    /// <paramref name="samples"/> (in batch order; empty: 0, 1, …, batch − 1).</summary>
    void BeginTrainingStep(ReadOnlySpan<int> samples);

    /// <summary>The training step is over; <paramref name="updated"/> says whether the optimiser applied it (then layer state
    /// such as running statistics is updated in <paramref name="parameters"/>). Back to evaluation.</summary>
    void EndTrainingStep(Span<T> parameters, bool updated);

    /// <summary>A kernel with the same shape and settings and its own scratch memory, for use on another thread.</summary>
    TSelf Fork();
}
