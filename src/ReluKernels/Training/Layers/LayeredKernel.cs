using System.Numerics;

namespace ReluKernels.Training.Layers;

/// <summary>
/// A <see cref="LayeredArchitecture"/> — fully connected, any activation, with batch or weight normalisation and inverted
/// dropout per hidden layer — as an <see cref="ITrainableNetwork{TSelf, T}"/>, on <see cref="LayeredNetwork{T}"/>. It owns
/// scratch memory and the training-mode state: use one value per thread (<see cref="Fork"/>).
/// </summary>
/// <remarks>
/// The trainer drives the mode through the kernel's hooks: <see cref="BeginRun"/> at the start of a training (dropout key
/// from the run's shuffle stream, step count 0), <see cref="BeginTrainingStep"/> before a step's forward and backward
/// passes (training mode, with the data-set indices of the mini-batch), <see cref="EndTrainingStep"/> after the optimiser
/// update (running statistics updated, back to evaluation mode). Every other <see cref="Forward"/> — the trainer's loss,
/// a user's predictions — evaluates.
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public readonly struct LayeredKernel<T> : ITrainableNetwork<LayeredKernel<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly LayeredNetwork<T>? _network;

    /// <summary>A kernel for <paramref name="layout"/>.</summary>
    public LayeredKernel(LayeredArchitecture layout) => _network = new LayeredNetwork<T>(layout);

    /// <summary>The shape and layer options.</summary>
    public LayeredArchitecture Layout => Network.Layout;

    /// <summary>The network under the layers (default for an uninitialised kernel value).</summary>
    public NetworkArchitecture Architecture => _network?.Layout.Network ?? default;

    /// <summary><see cref="LayeredArchitecture.ParameterCount"/>: the plain parameters, then gains, scales, shifts and running statistics.</summary>
    public int ParameterCount => _network?.Layout.ParameterCount ?? 0;

    /// <summary>0: the layered kernel keeps its own scratch.</summary>
    public int BackwardWorkspaceLength => 0;

    /// <inheritdoc/>
    public string Description => $"layered {Layout}";

    /// <summary>The underlying network (its mode and step count, for inspection).</summary>
    public LayeredNetwork<T> Network =>
        _network ?? throw new InvalidOperationException("The kernel is default-initialised; construct it with a layout.");

    /// <inheritdoc/>
    public void Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, Span<T> outputs) => Network.Forward(parameters, inputs, outputs);

    /// <inheritdoc/>
    public void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> outputGradients, Span<T> parameterGradients, Span<T> workspace) =>
        Network.Backward(parameters, inputs, outputGradients, parameterGradients);

    /// <inheritdoc/>
    public void CompleteInitialization(Span<T> parameters) => Layout.CompleteInitialization(parameters);

    /// <inheritdoc/>
    public void BeginRun(ulong seed, ulong stream) => Network.BeginRun(seed, stream);

    /// <inheritdoc/>
    public void BeginTrainingStep(ReadOnlySpan<int> samples) => Network.BeginTrainingStep(samples);

    /// <inheritdoc/>
    public void EndTrainingStep(Span<T> parameters, bool updated) => Network.EndTrainingStep(parameters, updated);

    /// <inheritdoc/>
    public LayeredKernel<T> Fork() => new(Layout);
}
