namespace ReluKernels.Analysis;

/// <summary>Argument checks shared by the analyses, so every entry point words its errors the same way.</summary>
internal static class AnalysisArguments
{
    /// <summary>Rejects a default-initialised architecture, a non-ReLU activation and a parameter span of the wrong length.</summary>
    public static void CheckNetwork(NetworkArchitecture architecture, int parameterCount)
    {
        if (architecture.Width == 0)
            throw new ArgumentException("The architecture is default-initialised; construct it with its sizes.", nameof(architecture));
        if (architecture.Activation != Activation.ReLU)
            throw new ArgumentException($"Only ReLU networks can be analysed, not {architecture.Activation}.", nameof(architecture));
        if (parameterCount != architecture.ParameterCount)
            // The name is the public caller's span, which this helper checks on its behalf (every analysis calls it "parameters").
#pragma warning disable CA2208 // Instantiate argument exceptions correctly
            throw new ArgumentException($"Expected {architecture.ParameterCount} parameters for {architecture}, got {parameterCount}.", "parameters");
#pragma warning restore CA2208
    }

    /// <summary>
    /// Checks one layer's spans for a propagator's <c>ApplyLayer</c>: <paramref name="fanOut"/>×<paramref name="fanIn"/>
    /// row-major weights and <paramref name="fanOut"/> biases or none. The names are the caller's parameters.
    /// </summary>
    public static void CheckLayerSpans(int weightCount, int biasCount, int fanOut, int fanIn)
    {
#pragma warning disable CA2208 // Instantiate argument exceptions correctly: the names are ApplyLayer's parameters.
        if (weightCount != fanOut * fanIn)
            throw new ArgumentException(
                $"Expected {fanOut}×{fanIn} = {fanOut * fanIn} weights (row-major [fanOut, fanIn], fanIn = the current width {fanIn}), got {weightCount}.",
                "weights");
        if (biasCount != 0 && biasCount != fanOut)
            throw new ArgumentException($"Expected {fanOut} biases (or none for a bias-free layer), got {biasCount}.", "biases");
#pragma warning restore CA2208
    }

    /// <summary>Rejects architectures whose input is not one-dimensional.</summary>
    public static void CheckScalarInput(NetworkArchitecture architecture, string method)
    {
        if (architecture.InputDim != 1)
            throw new ArgumentException(
                $"{method} needs a 1-D input, but {architecture} has InputDim = {architecture.InputDim}; use NetworkAnalysis.AnalyzePlanar for d = 2 or SampledDeadness for d > 2.",
                nameof(architecture));
    }

    /// <summary>Rejects architectures whose input is not two-dimensional.</summary>
    public static void CheckPlanarInput(NetworkArchitecture architecture)
    {
        if (architecture.InputDim != 2)
            throw new ArgumentException(
                $"Polygon analysis needs a 2-D input, but {architecture} has InputDim = {architecture.InputDim}.", nameof(architecture));
    }

    /// <summary>Rejects a radius that is not positive and finite.</summary>
    public static void CheckRadius(double radius)
    {
        if (!(radius > 0) || double.IsPositiveInfinity(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be positive and finite.");
    }

    /// <summary>W_l of <paramref name="layer"/> (1-based) in the parameter layout.</summary>
    public static ReadOnlySpan<double> Weights(NetworkArchitecture a, ReadOnlySpan<double> parameters, int layer) =>
        parameters.Slice(a.WeightOffset(layer), a.LayerOutputs(layer) * a.LayerInputs(layer));

    /// <summary>b_l of <paramref name="layer"/> (1-based), or empty without biases.</summary>
    public static ReadOnlySpan<double> Biases(NetworkArchitecture a, ReadOnlySpan<double> parameters, int layer) =>
        a.Bias ? parameters.Slice(a.BiasOffset(layer), a.LayerOutputs(layer)) : [];

    /// <summary>Whether layer <paramref name="layer"/> applies the activation (hidden layers always; the output layer on request).</summary>
    public static bool Activates(NetworkArchitecture a, int layer) => layer < a.LayerCount || a.OutputActivation;
}
