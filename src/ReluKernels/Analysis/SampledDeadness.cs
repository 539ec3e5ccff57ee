namespace ReluKernels.Analysis;

/// <summary>
/// Dead-neuron and collapse estimates from a finite point set (docs/definitions.md#exactness-of-detection, method 3), for inputs of any dimension,
/// with or without biases.
/// </summary>
/// <remarks>
/// <b>The verdicts are upper estimates.</b> Two points with different values prove a neuron active; no finite set can
/// prove it dead, since it may be active between the points. So a neuron reported <see cref="NeuronState.Active"/> is
/// active, but one reported dead may not be, and <see cref="NetworkAnalysis.FirstDeadLayer"/> may be smaller than the
/// truth (collapse over-reported). Report the point set (<see cref="NetworkAnalysis.PointSetDescription"/>) with every
/// estimate. For 1-D input prefer <see cref="NetworkAnalysis.Analyze"/>, which is exact.
/// </remarks>
public static class SampledDeadness
{
    /// <summary>Analyses the network at the points of <paramref name="points"/>; see the class remarks.</summary>
    /// <exception cref="ArgumentException">Dimensions or lengths do not match.</exception>
    public static NetworkAnalysis Analyze(NetworkArchitecture architecture, ReadOnlySpan<double> parameters, PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Analyze(architecture, parameters, points.Coordinates, points.Count, points.Description);
    }

    /// <summary>
    /// Analyses the network at <paramref name="pointCount"/> points; a neuron is active when two of them give it different
    /// values, dead otherwise (zero or constant). Dead and collapse verdicts are upper estimates; see the class remarks.
    /// </summary>
    /// <param name="architecture">The shape, any InputDim.</param>
    /// <param name="parameters">Parameters in the layout of <see cref="NetworkArchitecture"/>.</param>
    /// <param name="points">Feature-major: coordinate k of point s at <c>k·pointCount + s</c> (the sample-parallel layout); <c>InputDim·pointCount</c> values.</param>
    /// <param name="pointCount">Number of points, at least 1.</param>
    /// <param name="pointSetDescription">What the points are, copied into the result; defaults to "N given points".</param>
    /// <exception cref="ArgumentException">A non-ReLU activation or a span of the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pointCount"/> is less than 1.</exception>
    public static NetworkAnalysis Analyze(NetworkArchitecture architecture, ReadOnlySpan<double> parameters, ReadOnlySpan<double> points,
        int pointCount, string? pointSetDescription = null)
    {
        AnalysisArguments.CheckNetwork(architecture, parameters.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointCount, 1);
        if (points.Length != (long)architecture.InputDim * pointCount)
            throw new ArgumentException(
                $"Expected {architecture.InputDim}×{pointCount} = {(long)architecture.InputDim * pointCount} coordinates (feature-major), got {points.Length}.",
                nameof(points));

        var a = architecture;
        int row = Math.Max(a.Width, Math.Max(a.InputDim, a.OutputDim));
        // Per layer l (1-based) and neuron j, slot (l − 1)·row + j: the value at the first point, whether any point
        // differed from it, whether any was nonzero.
        var first = new double[a.LayerCount * row];
        var varies = new bool[a.LayerCount * row];
        var nonzero = new bool[a.LayerCount * row];
        Span<double> buffer = row <= ShapeLimits.MaxWidth ? stackalloc double[2 * ShapeLimits.MaxWidth] : new double[2 * row];
        int half = buffer.Length / 2;
        for (int s = 0; s < pointCount; s++)
        {
            Span<double> input = buffer[..a.InputDim];
            for (int k = 0; k < a.InputDim; k++)
                input[k] = points[k * pointCount + s];
            for (int l = 1; l <= a.LayerCount; l++)
            {
                Span<double> output = buffer.Slice((l & 1) == 1 ? half : 0, a.LayerOutputs(l));
                Forward(AnalysisArguments.Weights(a, parameters, l), AnalysisArguments.Biases(a, parameters, l), input, output,
                    AnalysisArguments.Activates(a, l));
                int slot = (l - 1) * row;
                for (int j = 0; j < output.Length; j++)
                {
                    if (s == 0)
                        first[slot + j] = output[j];
                    else if (output[j] != first[slot + j])
                        varies[slot + j] = true;
                    if (output[j] != 0)
                        nonzero[slot + j] = true;
                }
                input = output;
            }
        }

        NeuronState State(int l, int j)
        {
            int slot = (l - 1) * row + j;
            return varies[slot] ? NeuronState.Active : nonzero[slot] ? NeuronState.DeadConstant : NeuronState.DeadZero;
        }
        var hidden = new NeuronState[a.Depth][];
        for (int l = 1; l <= a.Depth; l++)
        {
            hidden[l - 1] = new NeuronState[a.Width];
            for (int j = 0; j < a.Width; j++)
                hidden[l - 1][j] = State(l, j);
        }
        var outputStates = new NeuronState[a.OutputDim];
        for (int j = 0; j < a.OutputDim; j++)
            outputStates[j] = State(a.LayerCount, j);
        return NetworkAnalysis.Create(a, parameters, hidden, outputStates, DetectionMethod.Sampling, linearRegions: null,
            pointSetDescription ?? $"{pointCount} given points");
    }

    /// <summary>One layer at one point, in the generic kernel's order.</summary>
    private static void Forward(ReadOnlySpan<double> weights, ReadOnlySpan<double> biases, ReadOnlySpan<double> input, Span<double> output, bool relu)
    {
        for (int j = 0; j < output.Length; j++)
        {
            var w = weights.Slice(j * input.Length, input.Length);
            double z = biases.IsEmpty ? 0 : biases[j];
            for (int i = 0; i < w.Length; i++)
                z = Math.FusedMultiplyAdd(w[i], input[i], z);
            output[j] = relu ? Math.Max(z, 0) : z;
        }
    }
}
