using System.Numerics;
using System.Runtime.InteropServices;
using MathNet.Numerics.Statistics;

namespace ReluKernels;

/// <summary>
/// Layer-sequential unit-variance initialisation, LSUV (Mishkin &amp; Matas 2016, "All you need is a good init", Algorithm 1):
/// every layer orthogonal (<see cref="OrthogonalInitializer"/>, gain 1, biases 0), then, layer by layer from the input,
/// W_l ← W_l / √Var(B_l) while |Var(B_l) − 1| ≥ <see cref="Tolerance"/> and fewer than <see cref="MaxIterations"/>
/// rescalings were made, where B_l is the layer's output (before its activation) on the data batch and Var the variance
/// of all its entries (every neuron and point together, population form).
/// </summary>
/// <remarks>
/// <para>Data-dependent like <see cref="DataDependentInitializer"/>: the batch is given once, feature-major. The paper's
/// defaults are Tol_var = 0.1 and T_max = 10. With zero biases B_l is linear in W_l, so one rescaling reaches variance 1 up to
/// rounding; the loop is kept because the parameters may be float. A layer whose output is identically zero on the batch
/// (its inputs are all dead) cannot be rescaled and is left orthogonal: LSUV does not revive a network born dead on its
/// batch, which is why Lu et al. (2019, §5.1) find it no remedy for collapse.</para>
/// <para>Draw order: exactly that of <see cref="OrthogonalInitializer.Default"/> (the rescaling draws nothing). Allocates
/// (MathNet matrices and the batch's activations); not for hot Monte-Carlo loops.</para>
/// </remarks>
public sealed class LsuvInitializer : IInitializer
{
    private readonly double[] _points; // point-major: x_j at [j·d, (j+1)·d)

    /// <summary>Creates the initializer for the batch <paramref name="points"/>.</summary>
    /// <param name="points">Feature-major (the sample-parallel layout): coordinate k of point j at <c>k·m + j</c>; length d·m, m ≥ 2.</param>
    /// <param name="inputDim">d ≥ 1.</param>
    /// <param name="tolerance">Tol_var &gt; 0 (the paper's 0.1).</param>
    /// <param name="maxIterations">T_max ≥ 1 (the paper's 10).</param>
    /// <exception cref="ArgumentException">Fewer than two points, a length that is not a multiple of d, a non-finite coordinate, or a setting out of range.</exception>
    public LsuvInitializer(ReadOnlySpan<double> points, int inputDim, double tolerance = 0.1, int maxIterations = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDim, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        if (!(tolerance > 0) || double.IsInfinity(tolerance))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The variance tolerance must be positive and finite.");
        if (points.Length < 2 * inputDim || points.Length % inputDim != 0)
            throw new ArgumentException($"Expected d·m coordinates with d = {inputDim} and m ≥ 2 points, got {points.Length}.", nameof(points));
        foreach (double x in points)
            if (!double.IsFinite(x))
                throw new ArgumentException("Batch inputs must be finite.", nameof(points));
        InputDim = inputDim;
        PointCount = points.Length / inputDim;
        _points = new double[points.Length];
        for (int j = 0; j < PointCount; j++)
            for (int k = 0; k < inputDim; k++)
                _points[j * inputDim + k] = points[k * PointCount + j];
        Tolerance = tolerance;
        MaxIterations = maxIterations;
    }

    /// <summary>Input dimension d.</summary>
    public int InputDim { get; }

    /// <summary>Points m in the batch.</summary>
    public int PointCount { get; }

    /// <summary>Tol_var: the accepted |Var(B_l) − 1|.</summary>
    public double Tolerance { get; }

    /// <summary>T_max: most rescalings per layer.</summary>
    public int MaxIterations { get; }

    /// <inheritdoc/>
    public void Initialize(NetworkArchitecture architecture, Span<float> parameters, ref CounterRng rng) => Contiguous(architecture, parameters, ref rng);

    /// <inheritdoc/>
    public void Initialize(NetworkArchitecture architecture, Span<double> parameters, ref CounterRng rng) => Contiguous(architecture, parameters, ref rng);

    /// <inheritdoc/>
    public void InitializeInterleaved(NetworkArchitecture architecture, Span<float> block, ref CounterRng rng) => Interleaved(architecture, block, ref rng);

    /// <inheritdoc/>
    public void InitializeInterleaved(NetworkArchitecture architecture, Span<double> block, ref CounterRng rng) => Interleaved(architecture, block, ref rng);

    private void Contiguous<T>(NetworkArchitecture architecture, Span<T> parameters, ref CounterRng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (architecture.InputDim != InputDim)
            throw new ArgumentException($"The network's input dimension is {architecture.InputDim} but the batch has {InputDim}.", nameof(architecture));
        if (parameters.Length != architecture.ParameterCount)
            throw new ArgumentException($"Expected {architecture.ParameterCount} parameters for {architecture}, got {parameters.Length}.", nameof(parameters));
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            var shape = new LayerShape(l, architecture.LayerInputs(l), architecture.LayerOutputs(l), architecture.Bias);
            OrthogonalInitializer.Default.DrawLayer(shape, parameters.Slice(architecture.WeightOffset(l), shape.FanOut * shape.FanIn),
                shape.HasBias ? parameters.Slice(architecture.BiasOffset(l), shape.FanOut) : Span<T>.Empty, ref rng);
        }
        var activation = new KernelActivation<double>(architecture);
        double[] inputs = _points;
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            int fanIn = architecture.LayerInputs(l), fanOut = architecture.LayerOutputs(l);
            var weights = parameters.Slice(architecture.WeightOffset(l), fanOut * fanIn);
            var outputs = new double[PointCount * fanOut];
            for (int iteration = 0; ; iteration++)
            {
                Propagate(weights, inputs, outputs, fanIn, fanOut);
                double variance = ArrayStatistics.PopulationVariance(outputs);
                if (!(variance > 0) || Math.Abs(variance - 1) < Tolerance || iteration == MaxIterations)
                    break;
                InitDraw.ScaleShift(weights, T.CreateTruncating(1 / Math.Sqrt(variance)), T.Zero);
            }
            if (l < architecture.LayerCount || architecture.OutputActivation)
                for (int i = 0; i < outputs.Length; i++)
                    outputs[i] = activation.Apply(outputs[i]);
            inputs = outputs;
        }
    }

    /// <summary>B = W·a for every point (biases are 0 after the orthogonal draw); point-major in and out.</summary>
    private void Propagate<T>(Span<T> weights, double[] inputs, double[] outputs, int fanIn, int fanOut) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < PointCount; j++)
            for (int o = 0; o < fanOut; o++)
            {
                double sum = 0;
                for (int i = 0; i < fanIn; i++)
                    sum += double.CreateTruncating(weights[o * fanIn + i]) * inputs[j * fanIn + i];
                outputs[j * fanOut + o] = sum;
            }
    }

    private void Interleaved<T>(NetworkArchitecture architecture, Span<T> block, ref CounterRng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = LayerInitializer.InterleavedLanes<T>();
        if (block.Length != architecture.ParameterCount * lanes)
            throw new ArgumentException($"Expected {architecture.ParameterCount}×{lanes} values for an interleaved block of {architecture}, got {block.Length}.", nameof(block));
        var one = new T[architecture.ParameterCount];
        ref T target = ref MemoryMarshal.GetReference(block);
        for (int n = 0; n < lanes; n++)
        {
            Contiguous(architecture, one.AsSpan(), ref rng);
            for (int p = 0; p < one.Length; p++)
                System.Runtime.CompilerServices.Unsafe.Add(ref target, p * lanes + n) = one[p];
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"LSUV(m = {PointCount}, Tol_var = {Tolerance}, T_max = {MaxIterations})";
}
