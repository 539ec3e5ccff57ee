using System.Numerics;

namespace ReluKernels;

/// <summary>
/// Data-dependent initialisation of a shallow ReLU network (Shin &amp; Karniadakis 2020, §4.1): every hidden neuron is
/// placed at a training input, <c>b_i = −w_iᵀx_{j_i} + |ε_i|</c> with <c>j_i − 1 = (i − 1) mod m</c>, so neuron i is
/// <c>φ(w_iᵀ(x − x_{j_i}) + |ε_i|)</c>: active at its own data point, and the neurons spread over the data instead of
/// clustering at the origin (zero bias) or dying (random bias).
/// </summary>
/// <remarks>
/// <para>Layer 1: W ~ N(0, σ_in²) i.i.d., then ε ~ N(0, σ_e²) with σ_e = s·σ_in (not drawn when s = 0). Layer 2 (the output
/// layer): W ~ N(0, σ_out²), b = 0. Draw order: W¹ row-major, ε, W². The paper's eq. (5) choice
/// (σ_in² = 2/d, σ_e = 0, σ_out² matched to He initialisation) is what the CLI uses; Theorem 10 gives E_X[q(x)] for any
/// choice (ReluKernels.Theory).</para>
/// <para>Requirements: one hidden layer with biases, input dimension d of the points, and width n ≥ m (the
/// over-parameterised setting the method is designed for; every point gets at least one neuron). Allocation-free.</para>
/// </remarks>
public sealed class DataDependentInitializer : LayerInitializer
{
    private readonly double[] _points; // point-major: x_j at [j·d, (j+1)·d)

    /// <summary>Creates the initializer for the training inputs <paramref name="points"/>.</summary>
    /// <param name="points">Feature-major (the sample-parallel layout): coordinate k of point j at <c>k·m + j</c>; length d·m.</param>
    /// <param name="inputDim">d ≥ 1.</param>
    /// <param name="weightVariance">σ_in² &gt; 0 of the first layer's weights.</param>
    /// <param name="outputVariance">σ_out² &gt; 0 of the output layer's weights.</param>
    /// <param name="noiseRatio">s = σ_e/σ_in ≥ 0.</param>
    /// <exception cref="ArgumentException">No points, a length that is not a multiple of d, a non-finite coordinate, or a variance out of range.</exception>
    public DataDependentInitializer(ReadOnlySpan<double> points, int inputDim, double weightVariance, double outputVariance, double noiseRatio = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDim, 1);
        if (points.IsEmpty || points.Length % inputDim != 0)
            throw new ArgumentException($"Expected d·m coordinates with d = {inputDim} and m ≥ 1 points, got {points.Length}.", nameof(points));
        foreach (double x in points)
            if (!double.IsFinite(x))
                throw new ArgumentException("Training inputs must be finite.", nameof(points));
        RequirePositive(weightVariance, nameof(weightVariance));
        RequirePositive(outputVariance, nameof(outputVariance));
        if (!(noiseRatio >= 0) || double.IsPositiveInfinity(noiseRatio))
            throw new ArgumentOutOfRangeException(nameof(noiseRatio), noiseRatio, "The noise ratio s = σ_e/σ_in must be non-negative and finite.");
        InputDim = inputDim;
        PointCount = points.Length / inputDim;
        _points = new double[points.Length];
        for (int j = 0; j < PointCount; j++)
            for (int k = 0; k < inputDim; k++)
                _points[j * inputDim + k] = points[k * PointCount + j];
        WeightVariance = weightVariance;
        OutputVariance = outputVariance;
        NoiseRatio = noiseRatio;
    }

    /// <summary>
    /// The initializer with Shin &amp; Karniadakis's eq. (5) variances for a network of <paramref name="width"/> neurons: σ_in² = 2/d,
    /// σ_e = 0 and σ_out² = (m/n)·Σ_j‖x_j‖² / Σ_{k&lt;i}‖x_k − x_i‖², which gives the same E_X[q(x)] as He initialisation
    /// without bias (exactly when m divides n; see <see cref="Theory.DataDependentInitTheory.Eq5Variances(ReadOnlySpan{double}, int, int)"/>).
    /// </summary>
    /// <param name="points">Feature-major training inputs, as for the constructor.</param>
    /// <param name="inputDim">d ≥ 1.</param>
    /// <param name="width">Hidden neurons n ≥ m.</param>
    /// <exception cref="ArgumentException">Fewer than two points, all points equal, n &lt; m, or the constructor's errors.</exception>
    public static DataDependentInitializer WithEquation5(ReadOnlySpan<double> points, int inputDim, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDim, 1);
        if (points.Length % inputDim != 0)
            throw new ArgumentException($"Expected d·m coordinates with d = {inputDim}, got {points.Length}.", nameof(points));
        int m = points.Length / inputDim;
        var rowMajor = new double[points.Length];
        for (int j = 0; j < m; j++)
            for (int k = 0; k < inputDim; k++)
                rowMajor[j * inputDim + k] = points[k * m + j];
        var v = Theory.DataDependentInitTheory.Eq5Variances(rowMajor, inputDim, width);
        return new DataDependentInitializer(points, inputDim, v.InputVariance, v.OutputVariance);
    }

    /// <summary>Input dimension d.</summary>
    public int InputDim { get; }

    /// <summary>Training points m.</summary>
    public int PointCount { get; }

    /// <summary>σ_in².</summary>
    public double WeightVariance { get; }

    /// <summary>σ_out².</summary>
    public double OutputVariance { get; }

    /// <summary>s = σ_e/σ_in.</summary>
    public double NoiseRatio { get; }

    /// <summary>The training point (0-based) that hidden neuron <paramref name="neuron"/> (0-based) is placed at: i mod m.</summary>
    public int CentreOf(int neuron) => neuron % PointCount;

    /// <inheritdoc/>
    protected override void InitializeLayer<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng)
    {
        if (layer.Layer == 1)
            InitializeHidden(layer, weights, biases, ref rng);
        else if (layer.Layer == 2)
        {
            InitDraw.Normal(weights, Math.Sqrt(OutputVariance), ref rng);
            biases.Clear();
        }
        else
            throw new ArgumentException("Data-dependent initialisation is defined for shallow networks (one hidden layer).", nameof(layer));
    }

    private void InitializeHidden<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (layer.FanIn != InputDim)
            throw new ArgumentException($"The network's input dimension is {layer.FanIn} but the training points have {InputDim}.", nameof(layer));
        if (!layer.HasBias)
            throw new ArgumentException("Data-dependent initialisation sets the first layer's biases; the network has none.", nameof(layer));
        if (layer.FanOut < PointCount)
            throw new ArgumentException(
                $"Width {layer.FanOut} is below the {PointCount} training points; data-dependent initialisation needs width ≥ points (Shin & Karniadakis 2020, §4.1).",
                nameof(layer));
        double sigma = Math.Sqrt(WeightVariance);
        InitDraw.Normal(weights, sigma, ref rng);
        if (NoiseRatio > 0)
            InitDraw.Normal(biases, sigma * NoiseRatio, ref rng);
        else
            biases.Clear();
        for (int i = 0; i < layer.FanOut; i++)
        {
            var centre = _points.AsSpan(CentreOf(i) * InputDim, InputDim);
            double dot = 0;
            for (int k = 0; k < InputDim; k++)
                dot += double.CreateTruncating(weights[i * InputDim + k]) * centre[k];
            biases[i] = T.CreateTruncating(-dot + Math.Abs(double.CreateTruncating(biases[i])));
        }
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, "A variance must be positive and finite.");
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"DataDependent(m = {PointCount}, σ_in² = {WeightVariance}, σ_out² = {OutputVariance}, s = {NoiseRatio})";
}
