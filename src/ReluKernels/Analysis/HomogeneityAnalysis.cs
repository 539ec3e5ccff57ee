namespace ReluKernels.Analysis;

/// <summary>
/// Exact collapse detection for bias-free networks with 1-D input (docs/definitions.md#exactness-of-detection, method 1). Without biases every
/// layer is positively homogeneous: N(x) = x·N(1) for x &gt; 0 and |x|·N(−1) for x &lt; 0, so a hidden layer is
/// identically zero on Ω = [−r, r] (any r &gt; 0) exactly when it is zero at x = 1 and at x = −1.
/// </summary>
public static class HomogeneityAnalysis
{
    /// <summary>
    /// The first hidden layer (1-based) identically 0 on Ω, or 0 when none is; evaluates only x = ±1 and stops as soon
    /// as both are zero. Allocation-free up to width <see cref="ShapeLimits.MaxWidth"/>.
    /// </summary>
    /// <remarks>
    /// Pre-activations are accumulated in the generic kernel's order (FusedMultiplyAdd, i ascending), so the values at
    /// ±1 equal <see cref="PiecewiseLinearPropagator"/>'s endpoint values at radius 1 (up to the sign of 0) and the two
    /// methods agree exactly.
    /// </remarks>
    /// <param name="architecture">A bias-free shape (<see cref="NetworkArchitecture.Bias"/> false) with InputDim 1.</param>
    /// <param name="parameters">Parameters in the layout of <see cref="NetworkArchitecture"/>.</param>
    /// <exception cref="ArgumentException">The network has biases, InputDim ≠ 1, a non-ReLU activation, or a parameter span of the wrong length.</exception>
    public static int FirstDeadLayer(NetworkArchitecture architecture, ReadOnlySpan<double> parameters)
    {
        AnalysisArguments.CheckNetwork(architecture, parameters.Length);
        AnalysisArguments.CheckScalarInput(architecture, "Homogeneity analysis");
        if (architecture.Bias)
            throw new ArgumentException(
                $"Homogeneity analysis needs a bias-free network, but {architecture} has biases; use NetworkAnalysis.Analyze (piecewise-linear).",
                nameof(architecture));

        int width = architecture.Width;
        // On the stack up to the generator's width (the Monte-Carlo case, which must not allocate); wider run-time shapes
        // (up to ShapeLimits.MaxRuntimeWidth) take a heap buffer.
        Span<double> buffer = width <= ShapeLimits.MaxWidth ? stackalloc double[4 * ShapeLimits.MaxWidth] : new double[4 * width];
        int stride = buffer.Length / 4;
        Span<double> plus = buffer[..width], minus = buffer.Slice(stride, width);
        Span<double> nextPlus = buffer.Slice(2 * stride, width), nextMinus = buffer.Slice(3 * stride, width);
        int fanIn = 1;
        plus[0] = 1;
        minus[0] = -1;
        for (int l = 1; l <= architecture.Depth; l++)
        {
            var weights = AnalysisArguments.Weights(architecture, parameters, l);
            bool zero = Layer(weights, plus[..fanIn], nextPlus) & Layer(weights, minus[..fanIn], nextMinus);
            if (zero)
                return l;
            nextPlus.CopyTo(plus);
            nextMinus.CopyTo(minus);
            fanIn = width;
        }
        return 0;
    }

    /// <summary>output = relu(W input); returns whether output is all zero.</summary>
    private static bool Layer(ReadOnlySpan<double> weights, ReadOnlySpan<double> input, Span<double> output)
    {
        bool zero = true;
        for (int j = 0; j < output.Length; j++)
        {
            var row = weights.Slice(j * input.Length, input.Length);
            double s = 0;
            for (int i = 0; i < row.Length; i++)
                s = Math.FusedMultiplyAdd(row[i], input[i], s);
            output[j] = Math.Max(s, 0);
            zero &= output[j] == 0;
        }
        return zero;
    }
}
