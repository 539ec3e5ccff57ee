using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace ReluKernels;

/// <summary>
/// The runtime-sized kernel: same semantics and layouts as the generated kernels (<see cref="IReluNetwork{TSelf, T}"/>),
/// written as plain loops. It is the oracle of the equivalence tests and the fallback for shapes that were not generated.
/// </summary>
/// <remarks>
/// Keep in sync with the generator's emitters (<c>generators/ReluKernels.Generators/Emit</c>): every pre-activation is
/// <c>z_j = b_j</c> (or 0), then <c>z_j = FusedMultiplyAdd(W[j, i], a_i, z_j)</c> for i ascending, so the forward pass
/// is bit-identical to every generated path. Gradients are summed over samples in a different order than the SIMD
/// paths, so they agree only to rounding. An instance owns scratch buffers sized at construction: calls allocate
/// nothing, and an instance must not be used by two threads at once.
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class GenericNetwork<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _activations; // a_0 .. a_L of one sample: (LayerCount + 1) rows of MaxRow
    private readonly T[] _preActivations; // z_1 .. z_L in the same rows (row 0 unused): normalised erf's σ' needs z
    private readonly T[] _delta;
    private readonly T[] _nextDelta;
    private readonly int _maxRow;
    private readonly KernelActivation<T> _activation;

    /// <summary>Creates a kernel for <paramref name="architecture"/>.</summary>
    public GenericNetwork(NetworkArchitecture architecture)
    {
        if (architecture.Width == 0)
            throw new ArgumentException("The architecture is default-initialised; construct it with its sizes.", nameof(architecture));
        Architecture = architecture;
        _maxRow = Math.Max(architecture.Width, Math.Max(architecture.InputDim, architecture.OutputDim));
        _activations = new T[(architecture.LayerCount + 1) * _maxRow];
        _preActivations = new T[(architecture.LayerCount + 1) * _maxRow];
        _delta = new T[_maxRow];
        _nextDelta = new T[_maxRow];
        _activation = new KernelActivation<T>(architecture);
    }

    /// <summary>The shape this kernel evaluates.</summary>
    public NetworkArchitecture Architecture { get; }

    /// <summary>Networks per block in the network-parallel layout.</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
        Justification = "Mirrors the static IReluNetwork<TSelf, T>.NetworkLanes of generated shapes, so both kernels are read the same way.")]
    public static int NetworkLanes => KernelArguments.NetworkLanes(System.Runtime.CompilerServices.Unsafe.SizeOf<T>());

    /// <summary>Sample-parallel forward; see <see cref="IReluNetwork{TSelf, T}.Forward"/>.</summary>
    public void Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, Span<T> outputs)
    {
        var a = Architecture;
        int batch = KernelArguments.SampleBatch(parameters.Length, a.ParameterCount, inputs.Length, a.InputDim, outputs.Length, a.OutputDim, nameof(outputs));
        for (int s = 0; s < batch; s++)
        {
            LoadSample(inputs, s, batch);
            ForwardOne(parameters, 0, 1);
            var y = Row(a.LayerCount);
            for (int o = 0; o < a.OutputDim; o++)
                outputs[o * batch + s] = y[o];
        }
    }

    /// <summary>Sample-parallel backward; see <see cref="IReluNetwork{TSelf, T}.Backward"/>. Needs no workspace.</summary>
    public void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> outputGradients,
        Span<T> parameterGradients, Span<T> inputGradients)
    {
        var a = Architecture;
        int batch = KernelArguments.SampleBatch(parameters.Length, a.ParameterCount, inputs.Length, a.InputDim,
            outputGradients.Length, a.OutputDim, nameof(outputGradients));
        KernelArguments.RequireLength(parameterGradients.Length, a.ParameterCount, nameof(parameterGradients));
        if (!inputGradients.IsEmpty)
            KernelArguments.RequireLength(inputGradients.Length, a.InputDim * batch, nameof(inputGradients));

        for (int s = 0; s < batch; s++)
        {
            LoadSample(inputs, s, batch);
            ForwardOne(parameters, 0, 1);
            Span<T> delta = _delta.AsSpan(0, a.OutputDim);
            var y = Row(a.LayerCount);
            for (int o = 0; o < a.OutputDim; o++)
                delta[o] = a.OutputActivation ? ActivationDerivativeTimes(y[o], PreActivationRow(a.LayerCount)[o], outputGradients[o * batch + s]) : outputGradients[o * batch + s];

            for (int l = a.LayerCount; l >= 1; l--)
            {
                int n = a.LayerOutputs(l), m = a.LayerInputs(l);
                int w = a.WeightOffset(l);
                var input = Row(l - 1);
                for (int j = 0; j < n; j++)
                {
                    if (a.Bias)
                        parameterGradients[a.BiasOffset(l) + j] += delta[j];
                    for (int i = 0; i < m; i++)
                        parameterGradients[w + j * m + i] = T.FusedMultiplyAdd(delta[j], input[i], parameterGradients[w + j * m + i]);
                }

                if (l == 1 && inputGradients.IsEmpty)
                    break;
                Span<T> next = _nextDelta.AsSpan(0, m);
                next.Clear();
                for (int j = 0; j < n; j++)
                    for (int i = 0; i < m; i++)
                        next[i] = T.FusedMultiplyAdd(parameters[w + j * m + i], delta[j], next[i]);
                if (l == 1)
                {
                    for (int k = 0; k < m; k++)
                        inputGradients[k * batch + s] = next[k];
                    break;
                }
                var inputPreActivation = PreActivationRow(l - 1);
                for (int i = 0; i < m; i++)
                    next[i] = ActivationDerivativeTimes(input[i], inputPreActivation[i], next[i]);
                next.CopyTo(_delta);
                delta = _delta.AsSpan(0, m);
            }
        }
    }

    /// <summary>Network-parallel forward; see <see cref="IReluNetwork{TSelf, T}.ForwardNetworks"/>.</summary>
    public void ForwardNetworks(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> outputs)
    {
        var a = Architecture;
        int lanes = NetworkLanes;
        int blocks = KernelArguments.NetworkBlocks(parameters.Length, a.ParameterCount, input.Length, a.InputDim, outputs.Length, a.OutputDim, lanes);
        for (int b = 0; b < blocks; b++)
        {
            for (int n = 0; n < lanes; n++)
            {
                input.CopyTo(Row(0));
                ForwardOne(parameters, b * a.ParameterCount * lanes + n, lanes);
                var y = Row(a.LayerCount);
                for (int o = 0; o < a.OutputDim; o++)
                    outputs[(b * a.OutputDim + o) * lanes + n] = y[o];
            }
        }
    }

    private Span<T> Row(int layer)
    {
        var a = Architecture;
        int length = layer == 0 ? a.InputDim : a.LayerOutputs(layer);
        return _activations.AsSpan(layer * _maxRow, length);
    }

    private Span<T> PreActivationRow(int layer)
    {
        var a = Architecture;
        return _preActivations.AsSpan(layer * _maxRow, a.LayerOutputs(layer));
    }

    private void LoadSample(ReadOnlySpan<T> inputs, int s, int batch)
    {
        var x = Row(0);
        for (int k = 0; k < x.Length; k++)
            x[k] = inputs[k * batch + s];
    }

    /// <summary>Propagates <c>Row(0)</c> through every layer; parameter p is read at <c>first + p * stride</c>.</summary>
    private void ForwardOne(ReadOnlySpan<T> parameters, int first, int stride)
    {
        var a = Architecture;
        for (int l = 1; l <= a.LayerCount; l++)
        {
            int n = a.LayerOutputs(l), m = a.LayerInputs(l);
            int w = a.WeightOffset(l), bias = a.BiasOffset(l);
            bool activate = l < a.LayerCount || a.OutputActivation;
            var input = Row(l - 1);
            var output = Row(l);
            var preActivation = PreActivationRow(l);
            for (int j = 0; j < n; j++)
            {
                T z = a.Bias ? parameters[first + (bias + j) * stride] : T.Zero;
                for (int i = 0; i < m; i++)
                    z = T.FusedMultiplyAdd(parameters[first + (w + j * m + i) * stride], input[i], z);
                preActivation[j] = z;
                output[j] = activate ? Activate(z) : z;
            }
        }
    }

    private T Activate(T z) => _activation.Apply(z);

    /// <summary>σ'(z) · g, with σ' read from the activation's output or from z (see <see cref="KernelActivation{T}"/>).</summary>
    private T ActivationDerivativeTimes(T output, T z, T g) => _activation.DerivativeTimes(output, z, g);
}
