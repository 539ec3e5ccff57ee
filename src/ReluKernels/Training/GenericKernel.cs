using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// Any run-time <see cref="NetworkArchitecture"/> as an <see cref="ITrainableNetwork{TSelf, T}"/>, on
/// <see cref="GenericNetwork{T}"/>: for shapes that were not generated, including widths above the generator's
/// <see cref="ShapeLimits.MaxWidth"/> (up to <see cref="ShapeLimits.MaxRuntimeWidth"/>, e.g. Shin &amp; Karniadakis's shallow width-500
/// networks). It owns the generic kernel's scratch buffers: use one value per thread (<see cref="Fork"/>).
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public readonly struct GenericKernel<T> : ITrainableNetwork<GenericKernel<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly GenericNetwork<T>? _network;

    /// <summary>A kernel for <paramref name="architecture"/>.</summary>
    /// <exception cref="ArgumentException">The architecture is default-initialised.</exception>
    public GenericKernel(NetworkArchitecture architecture) => _network = new GenericNetwork<T>(architecture);

    /// <inheritdoc/>
    public NetworkArchitecture Architecture => _network?.Architecture ?? default;

    /// <summary>0: the generic kernel needs no workspace.</summary>
    public int BackwardWorkspaceLength => 0;

    /// <inheritdoc/>
    public string Description => $"generic {Architecture}";

    /// <inheritdoc/>
    public void Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, Span<T> outputs) =>
        Network.Forward(parameters, inputs, outputs);

    /// <inheritdoc/>
    public void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> outputGradients, Span<T> parameterGradients, Span<T> workspace) =>
        Network.Backward(parameters, inputs, outputGradients, parameterGradients, []);

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
    public GenericKernel<T> Fork() => new(Network.Architecture);

    private GenericNetwork<T> Network =>
        _network ?? throw new InvalidOperationException("The kernel is default-initialised; construct it with an architecture.");
}
