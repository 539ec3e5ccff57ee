namespace ReluKernels.Generators.Model;

/// <summary>
/// Everything the emitter needs about one annotated type. Immutable and structurally equatable: this is the incremental
/// cache boundary, so it holds no symbols, syntax nodes, locations or compilation.
/// </summary>
/// <param name="Type">Where the type lives.</param>
/// <param name="Width">Neurons per hidden layer.</param>
/// <param name="Depth">Number of hidden layers.</param>
/// <param name="InputDim">Input dimension.</param>
/// <param name="OutputDim">Output dimension.</param>
/// <param name="Bias">Whether layers have biases.</param>
/// <param name="OutputActivation">Whether the output layer applies the activation.</param>
/// <param name="Activation">The activation.</param>
/// <param name="ActivationParameter">The activation's parameter, its default filled in (0 when it has none).</param>
/// <param name="Element">The element type.</param>
/// <param name="AttributeText">The attribute as written, normalised, for the generated header.</param>
internal sealed record NetworkSpec(
    TypeHierarchy Type,
    int Width,
    int Depth,
    int InputDim,
    int OutputDim,
    bool Bias,
    bool OutputActivation,
    ActivationKind Activation,
    double ActivationParameter,
    ElementKind Element,
    string AttributeText)
{
    /// <summary>Hidden layers plus the output layer.</summary>
    public int LayerCount => Depth + 1;

    /// <summary>Whether the width is small enough to unroll (see <c>ShapeLimits.MaxUnrolledWidth</c>).</summary>
    public bool Unrolled => Width <= ShapeLimits.MaxUnrolledWidth;

    /// <summary>The C# keyword of the element type.</summary>
    public string ElementName => Element == ElementKind.Float ? "float" : "double";

    /// <summary>Bytes per element.</summary>
    public int ElementSize => Element == ElementKind.Float ? 4 : 8;

    /// <summary>Networks per network-parallel block: 64 bytes of elements (the Vector512 lane count).</summary>
    public int NetworkLanes => 64 / ElementSize;

    public int LayerInputs(int layer) => layer == 1 ? InputDim : Width;

    public int LayerOutputs(int layer) => layer == LayerCount ? OutputDim : Width;

    public int LayerParameterCount(int layer) => LayerOutputs(layer) * (LayerInputs(layer) + (Bias ? 1 : 0));

    public int WeightOffset(int layer) => layer == 1 ? 0 : LayerParameterCount(1) + (layer - 2) * LayerParameterCount(2);

    public int BiasOffset(int layer) => WeightOffset(layer) + LayerOutputs(layer) * LayerInputs(layer);

    public int ParameterCount => WeightOffset(LayerCount) + LayerParameterCount(LayerCount);

    /// <summary>Whether the backward pass keeps the pre-activations too (see <c>ActivationConstants.DerivativeNeedsPreActivation</c>).</summary>
    public bool KeepsPreActivations => ActivationConstants.DerivativeNeedsPreActivation(Activation);

    /// <summary>
    /// Backward workspace: the hidden activations of one vector of samples, then one gradient accumulator vector per
    /// parameter, then (<see cref="KeepsPreActivations"/> only) the hidden and output pre-activations.
    /// </summary>
    public int BackwardWorkspaceLength =>
        (Depth * Width + ParameterCount + (KeepsPreActivations ? Depth * Width + OutputDim : 0)) * NetworkLanes;
}
