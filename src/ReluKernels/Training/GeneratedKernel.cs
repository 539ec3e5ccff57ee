using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// A source-generated shape <typeparamref name="TNet"/> as an <see cref="ITrainableNetwork{TSelf, T}"/>: every call goes
/// straight to <typeparamref name="TNet"/>'s static kernels on <see cref="Path"/>. Stateless, so <see cref="Fork"/> returns
/// the value itself and any number of threads may share it.
/// </summary>
/// <typeparam name="TNet">The generated type.</typeparam>
/// <typeparam name="T">Its element type.</typeparam>
public readonly struct GeneratedKernel<TNet, T> : ITrainableNetwork<GeneratedKernel<TNet, T>, T>
    where TNet : IReluNetwork<TNet, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A kernel running on <paramref name="path"/> (the default, <see cref="KernelPath.Auto"/>, picks the widest accelerated path).</summary>
    /// <exception cref="NotSupportedException"><paramref name="path"/> is not accelerated on this machine.</exception>
    public GeneratedKernel(KernelPath path)
    {
        KernelPaths.Resolve(path);
        Path = path;
    }

    /// <summary>The ISA path the kernels run on. Parameter gradients are sums over the batch whose rounding depends on the
    /// path, so training results are reproducible per path (and identical for any thread count), not across paths.</summary>
    public KernelPath Path { get; }

    /// <inheritdoc/>
    public NetworkArchitecture Architecture => TNet.Architecture;

    /// <inheritdoc/>
    public int BackwardWorkspaceLength => TNet.BackwardWorkspaceLength;

    /// <inheritdoc/>
    public string Description => $"generated {typeof(TNet).Name} ({(Path == KernelPath.Auto ? KernelPaths.Best : Path)})";

    /// <inheritdoc/>
    public void Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, Span<T> outputs) =>
        TNet.Forward(parameters, inputs, outputs, Path);

    /// <inheritdoc/>
    public void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> outputGradients, Span<T> parameterGradients, Span<T> workspace) =>
        TNet.Backward(parameters, inputs, outputGradients, parameterGradients, [], workspace, Path);

    /// <summary><see cref="NetworkArchitecture.ParameterCount"/>.</summary>
    public int ParameterCount => Architecture.ParameterCount;

    /// <summary>Nothing: a plain network has no parameters beyond the architecture's.</summary>
    public void CompleteInitialization(Span<T> parameters) { }

    /// <summary>Nothing: a plain network behaves the same in training and evaluation.</summary>
    public void BeginRun(ulong seed, ulong stream) { }

    /// <summary>Nothing: a plain network behaves the same in training and evaluation.</summary>
    public void BeginTrainingStep(ReadOnlySpan<int> samples) { }

    /// <summary>Nothing: a plain network has no layer state.</summary>
    public void EndTrainingStep(Span<T> parameters, bool updated) { }

    /// <inheritdoc/>
    public GeneratedKernel<TNet, T> Fork() => this;
}
