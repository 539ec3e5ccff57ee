namespace ReluKernels.Analysis;

/// <summary>
/// Exact linear regions of a network with 1-D input on any interval [lower, upper], through
/// <see cref="PiecewiseLinearPropagator"/> (its region test, with its rounding slack, decides what is a kink).
/// </summary>
/// <remarks>
/// The propagator works on a symmetric Ω = [−r, r], so the interval is mapped onto it: with m = (lower + upper)/2 and
/// r = (upper − lower)/2, x = m + u and the first layer's pre-activation <c>W x + b</c> becomes <c>W u + (b + W m)</c>
/// (one rounding in the shifted bias). Breakpoints are reported back as <c>m + u</c>.
/// </remarks>
public static class LinearRegions
{
    /// <summary>Every layer's regions and breakpoints of the network on [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    /// <param name="architecture">A ReLU shape with <see cref="NetworkArchitecture.InputDim"/> = 1.</param>
    /// <param name="parameters">Its parameters in the layout of <see cref="NetworkArchitecture"/>.</param>
    /// <param name="lower">The interval's left end (finite).</param>
    /// <param name="upper">The interval's right end (finite, greater than <paramref name="lower"/>).</param>
    /// <exception cref="ArgumentException">InputDim ≠ 1, a non-ReLU activation, a span of the wrong length or an empty or infinite interval.</exception>
    public static LinearRegionReport Analyze(NetworkArchitecture architecture, ReadOnlySpan<double> parameters, double lower, double upper)
    {
        var propagator = new PiecewiseLinearPropagator(Math.Max(architecture.Width, architecture.OutputDim));
        var hidden = new LayerRegions[architecture.Depth];
        LayerRegions? output = null;
        Propagate(architecture, parameters, lower, upper, propagator, (layer, p) =>
        {
            var kinks = new double[p.BreakpointCount];
            int count = p.CopyKinks(kinks);
            double shift = Midpoint(lower, upper);
            for (int k = 0; k < count; k++)
                kinks[k] += shift;
            var regions = new LayerRegions(count + 1, kinks[..count]);
            if (layer <= architecture.Depth)
                hidden[layer - 1] = regions;
            else
                output = regions;
        });
        return new LinearRegionReport(lower, upper, hidden, output!);
    }

    /// <summary>
    /// The output's number of linear regions on [<paramref name="lower"/>, <paramref name="upper"/>], on a caller's
    /// propagator: allocation-free once the propagator's buffers have grown to the network's size (for surveys of many networks).
    /// </summary>
    /// <param name="architecture">A ReLU shape with <see cref="NetworkArchitecture.InputDim"/> = 1.</param>
    /// <param name="parameters">Its parameters in the layout of <see cref="NetworkArchitecture"/>.</param>
    /// <param name="lower">The interval's left end (finite).</param>
    /// <param name="upper">The interval's right end (finite, greater than <paramref name="lower"/>).</param>
    /// <param name="propagator">Scratch for the propagation, at least as wide as the network's layers.</param>
    /// <exception cref="ArgumentException">As <see cref="Analyze"/>, or the propagator is narrower than the network.</exception>
    public static int OutputRegionCount(NetworkArchitecture architecture, ReadOnlySpan<double> parameters, double lower, double upper,
        PiecewiseLinearPropagator propagator)
    {
        ArgumentNullException.ThrowIfNull(propagator);
        Propagate(architecture, parameters, lower, upper, propagator, null);
        return propagator.LinearRegionCount;
    }

    private static double Midpoint(double lower, double upper) => lower + (upper - lower) / 2;

    private static void Propagate(NetworkArchitecture architecture, ReadOnlySpan<double> parameters, double lower, double upper,
        PiecewiseLinearPropagator propagator, Action<int, PiecewiseLinearPropagator>? afterLayer)
    {
        AnalysisArguments.CheckNetwork(architecture, parameters.Length);
        AnalysisArguments.CheckScalarInput(architecture, "Linear-region counting");
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(upper > lower))
            throw new ArgumentException($"The interval [{lower}, {upper}] must be finite with lower < upper.", nameof(lower));
        int widest = Math.Max(architecture.Width, architecture.OutputDim);
        if (propagator.MaxWidth < widest)
            throw new ArgumentException($"The propagator carries at most {propagator.MaxWidth} neurons; the network needs {widest}.", nameof(propagator));

        double middle = Midpoint(lower, upper);
        propagator.Start((upper - lower) / 2);
        // Layer 1 sees u = x − m: its bias becomes b + W·m.
        var firstWeights = AnalysisArguments.Weights(architecture, parameters, 1);
        var firstBiases = AnalysisArguments.Biases(architecture, parameters, 1);
        int width = architecture.LayerOutputs(1);
        Span<double> shifted = width <= ShapeLimits.MaxWidth ? stackalloc double[ShapeLimits.MaxWidth] : new double[width];
        shifted = shifted[..width];
        for (int j = 0; j < width; j++)
            shifted[j] = Math.FusedMultiplyAdd(firstWeights[j], middle, firstBiases.IsEmpty ? 0 : firstBiases[j]);
        propagator.ApplyLayer(firstWeights, shifted, width, AnalysisArguments.Activates(architecture, 1));
        afterLayer?.Invoke(1, propagator);
        for (int l = 2; l <= architecture.LayerCount; l++)
        {
            propagator.ApplyLayer(AnalysisArguments.Weights(architecture, parameters, l), AnalysisArguments.Biases(architecture, parameters, l),
                architecture.LayerOutputs(l), AnalysisArguments.Activates(architecture, l));
            afterLayer?.Invoke(l, propagator);
        }
    }
}
