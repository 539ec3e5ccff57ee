using System.Numerics;
using ReluKernels.Compositional;
using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Experiments.Compositional;

/// <summary>
/// The first training stage of Milkert, Hyde &amp; Laine (2023): Adam on the peaks and scales of a compositional network
/// (through <see cref="PeakScaleParameters"/>), full batch, with the loss of the raw ReLU network.
/// </summary>
/// <remarks>
/// A step writes the network's raw parameters (<see cref="CompositionalNetwork.WriteParameters{T}"/>), runs the kernel's
/// forward and backward passes for dL/dθ, carries it to dL/d(a, s) (<see cref="CompositionalNetwork.BackpropagateParameterGradient"/>)
/// and on to dL/dz, and lets Adam move z. The loss and gradient are those of the ReLU network itself, so they stay exact
/// even where it differs from the closed form. An instance owns every buffer and is not thread-safe; <see cref="Step"/>
/// allocates nothing.
/// </remarks>
/// <typeparam name="TKernel">The kernel of the network's 4 × d shape.</typeparam>
/// <typeparam name="T">The kernel's element type.</typeparam>
public sealed class Pretrainer<TKernel, T>
    where TKernel : struct, ITrainableNetwork<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly TKernel _kernel;
    private readonly Dataset<T> _data;
    private readonly LossFunction _loss;
    private readonly AdamOptimizer<double> _adam;
    private readonly T[] _parameters;
    private readonly T[] _gradients;
    private readonly double[] _rawGradient;
    private readonly T[] _workspace;
    private readonly T[] _outputs;
    private readonly T[] _outputGradients;
    private readonly double[] _peakGradient;
    private readonly double[] _scaleGradient;
    private readonly double[] _zGradient;
    private readonly double[] _previous;

    /// <summary>Creates a stage-one trainer for <paramref name="coordinates"/>' networks on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The kernel's shape is not 1 → [4 × d] → 1 for the coordinates' depth d.</exception>
    public Pretrainer(TKernel kernel, PeakScaleParameters coordinates, Dataset<T> data, AdamSettings adam, LossFunction loss = LossFunction.MeanSquaredError)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(adam);
        var expected = new NetworkArchitecture(CompositionalNetwork.Width, coordinates.Depth);
        if (kernel.Architecture != expected)
            throw new ArgumentException($"The kernel's shape {kernel.Architecture} is not the construction's {expected}.", nameof(kernel));
        if (data.InputDim != 1 || data.OutputDim != 1)
            throw new ArgumentException("The construction is 1-D: the data need 1-D inputs and targets.", nameof(data));
        _kernel = kernel;
        Coordinates = coordinates;
        _data = data;
        _loss = loss;
        _adam = new AdamOptimizer<double>(adam, coordinates.Count);
        int count = expected.ParameterCount;
        _parameters = new T[count];
        _gradients = new T[count];
        _rawGradient = new double[count];
        _workspace = new T[kernel.BackwardWorkspaceLength];
        _outputs = new T[data.Count];
        _outputGradients = new T[data.Count];
        _peakGradient = new double[coordinates.Depth];
        _scaleGradient = new double[coordinates.Depth];
        _zGradient = new double[coordinates.Count];
        _previous = new double[coordinates.Count];
    }

    /// <summary>The coordinates being trained.</summary>
    public PeakScaleParameters Coordinates { get; }

    /// <summary>dL/dz of the last <see cref="Step"/>, before Adam's update.</summary>
    public ReadOnlySpan<double> LastGradient => _zGradient;

    /// <summary>Forgets Adam's moments, for a new training.</summary>
    public void Reset() => _adam.Reset();

    /// <summary>
    /// One full-batch step: sets <paramref name="network"/> from <paramref name="z"/>, computes the loss and dL/dz, moves
    /// <paramref name="z"/> by Adam and sets the network again from the new z. Returns the loss before the update. A loss
    /// that is not finite leaves z unchanged; an update whose scales overflow or underflow is undone and reported as NaN
    /// (the stage has diverged: <see cref="Train"/> stops).
    /// </summary>
    /// <exception cref="ArgumentException">The network or z does not fit <see cref="Coordinates"/>.</exception>
    public double Step(Span<double> z, CompositionalNetwork network)
    {
        double loss = LossAndGradient(z, network);
        if (!double.IsFinite(loss))
            return loss;
        z.CopyTo(_previous);
        _adam.Step(z, _zGradient);
        if (Coordinates.TryApply(z, network))
            return loss;
        _previous.CopyTo(z);
        return double.NaN;
    }

    /// <summary>Runs <paramref name="epochs"/> steps from a fresh Adam state; returns the loss before the last one.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is less than 1.</exception>
    public double Train(Span<double> z, CompositionalNetwork network, int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        Reset();
        double loss = double.NaN;
        for (int e = 0; e < epochs; e++)
        {
            loss = Step(z, network);
            if (!double.IsFinite(loss))
                break;
        }
        return loss;
    }

    /// <summary>The loss of the network of <paramref name="z"/> (written into <paramref name="network"/>), with dL/dz in <see cref="LastGradient"/>.</summary>
    /// <exception cref="ArgumentException">The network or z does not fit <see cref="Coordinates"/>.</exception>
    public double LossAndGradient(ReadOnlySpan<double> z, CompositionalNetwork network)
    {
        Coordinates.Apply(z, network);
        network.WriteParameters<T>(_parameters);
        _kernel.Forward(_parameters, _data.Inputs, _outputs);
        double loss = Losses.ValueAndGradient<T>(_loss, _outputs, _data.Targets, _outputGradients);
        if (!double.IsFinite(loss))
            return loss;
        Array.Clear(_gradients);
        _kernel.Backward(_parameters, _data.Inputs, _outputGradients, _gradients, _workspace);
        for (int i = 0; i < _gradients.Length; i++)
            _rawGradient[i] = double.CreateTruncating(_gradients[i]);
        network.BackpropagateParameterGradient(_rawGradient, _peakGradient, _scaleGradient);
        Coordinates.Backpropagate(z, _peakGradient, _scaleGradient, _zGradient);
        return loss;
    }
}
