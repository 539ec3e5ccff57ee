namespace ReluKernels.Analysis;

/// <summary>Allocation-free exact collapse test for Monte-Carlo loops (1-D input, with or without biases).</summary>
public static class PiecewiseLinearCollapse
{
    /// <summary>
    /// The first hidden layer (1-based) identically 0 on Ω = [−r, r], or 0 when none is; the same value as
    /// <see cref="NetworkAnalysis.FirstDeadLayer"/> of <see cref="NetworkAnalysis.Analyze"/>. Stops at the first dead layer.
    /// </summary>
    /// <param name="propagator">A reusable propagator whose <see cref="PiecewiseLinearPropagator.MaxWidth"/> is at least the width.</param>
    /// <param name="architecture">The shape; InputDim must be 1.</param>
    /// <param name="parameters">Parameters in the layout of <see cref="NetworkArchitecture"/>.</param>
    /// <param name="radius">r &gt; 0.</param>
    /// <exception cref="ArgumentException">InputDim ≠ 1, a non-ReLU activation, a parameter span of the wrong length, or a propagator that is too narrow.</exception>
    public static int FirstDeadLayer(PiecewiseLinearPropagator propagator, NetworkArchitecture architecture,
        ReadOnlySpan<double> parameters, double radius = 1)
    {
        ArgumentNullException.ThrowIfNull(propagator);
        AnalysisArguments.CheckNetwork(architecture, parameters.Length);
        AnalysisArguments.CheckScalarInput(architecture, "Piecewise-linear analysis");
        AnalysisArguments.CheckRadius(radius);
        if (propagator.MaxWidth < architecture.Width)
            throw new ArgumentException($"The propagator holds at most {propagator.MaxWidth} neurons; {architecture} needs {architecture.Width}.", nameof(propagator));

        propagator.Start(radius);
        for (int l = 1; l <= architecture.Depth; l++)
        {
            var report = propagator.ApplyLayer(AnalysisArguments.Weights(architecture, parameters, l),
                AnalysisArguments.Biases(architecture, parameters, l), architecture.Width, relu: true);
            if (report.IdenticallyZero)
                return l;
        }
        return 0;
    }
}
