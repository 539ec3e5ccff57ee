namespace ReluKernels;

/// <summary>
/// A network shape known at run time: the same fields as <see cref="NetworkShapeAttribute"/>, plus the parameter layout.
/// </summary>
/// <remarks>
/// Layers are numbered 1..<see cref="LayerCount"/>: hidden layers 1..<see cref="Depth"/>, then the output layer.
/// Parameters form one contiguous span; for each layer in order, <c>W_l</c> row-major <c>[out, in]</c>, then
/// <c>b_l</c> (absent when <see cref="Bias"/> is false).
/// </remarks>
public readonly record struct NetworkArchitecture
{
    /// <summary>Creates and validates an architecture.</summary>
    /// <remarks>
    /// The width may be up to <see cref="ShapeLimits.MaxRuntimeWidth"/>; only shapes up to <see cref="ShapeLimits.MaxWidth"/>
    /// can be generated (<see cref="IsGeneratable"/>), wider ones run on <see cref="GenericNetwork{T}"/>.
    /// </remarks>
    /// <param name="width">Neurons in every hidden layer.</param>
    /// <param name="depth">Number of hidden layers.</param>
    /// <param name="inputDim">Input dimension.</param>
    /// <param name="outputDim">Output dimension.</param>
    /// <param name="bias">Whether layers have biases.</param>
    /// <param name="outputActivation">Whether the output layer applies the activation.</param>
    /// <param name="activation">The activation.</param>
    /// <param name="activationParameter">
    /// The activation's parameter (see <see cref="NetworkShapeAttribute.ActivationParameter"/>); null for its default.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A size is outside <see cref="ShapeLimits"/>, or the activation is unknown.</exception>
    /// <exception cref="ArgumentException">
    /// A parameter is given for an activation without one, or is NaN, infinite or a value the activation cannot use.
    /// </exception>
    public NetworkArchitecture(int width, int depth, int inputDim = 1, int outputDim = 1, bool bias = true,
        bool outputActivation = false, Activation activation = Activation.ReLU, double? activationParameter = null)
    {
        CheckRange(width, ShapeLimits.MinWidth, ShapeLimits.MaxRuntimeWidth, nameof(width));
        CheckRange(depth, ShapeLimits.MinDepth, ShapeLimits.MaxDepth, nameof(depth));
        CheckRange(inputDim, ShapeLimits.MinDim, ShapeLimits.MaxDim, nameof(inputDim));
        CheckRange(outputDim, ShapeLimits.MinDim, ShapeLimits.MaxDim, nameof(outputDim));
        if (!Enum.IsDefined(activation))
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        if (activationParameter is { } given && ActivationConstants.Problem(activation, given) is { } problem)
            throw new ArgumentException($"Activation parameter {given} is invalid: {problem}.", nameof(activationParameter));
        Width = width;
        Depth = depth;
        InputDim = inputDim;
        OutputDim = outputDim;
        Bias = bias;
        OutputActivation = outputActivation;
        Activation = activation;
        ActivationParameter = activationParameter ?? ActivationConstants.DefaultParameter(activation);
    }

    /// <summary>Neurons in every hidden layer.</summary>
    public int Width { get; }

    /// <summary>Number of hidden layers.</summary>
    public int Depth { get; }

    /// <summary>Input dimension.</summary>
    public int InputDim { get; }

    /// <summary>Output dimension.</summary>
    public int OutputDim { get; }

    /// <summary>Whether layers have biases.</summary>
    public bool Bias { get; }

    /// <summary>Whether the output layer applies the activation.</summary>
    public bool OutputActivation { get; }

    /// <summary>The activation function.</summary>
    public Activation Activation { get; }

    /// <summary>The activation's parameter (its default when none was given; 0 for activations without one).</summary>
    public double ActivationParameter { get; }

    /// <summary>Hidden layers plus the output layer.</summary>
    public int LayerCount => Depth + 1;

    /// <summary>Total number of parameters.</summary>
    public int ParameterCount => LayerParameterCount(1) + (Depth - 1) * LayerParameterCount(2) + LayerParameterCount(LayerCount);

    /// <summary>Inputs of layer <paramref name="layer"/> (1-based).</summary>
    public int LayerInputs(int layer) => layer == 1 ? InputDim : Width;

    /// <summary>Outputs of layer <paramref name="layer"/> (1-based).</summary>
    public int LayerOutputs(int layer) => layer == LayerCount ? OutputDim : Width;

    /// <summary>Parameters of layer <paramref name="layer"/>: its weights, plus its biases when <see cref="Bias"/>.</summary>
    public int LayerParameterCount(int layer) => LayerOutputs(layer) * (LayerInputs(layer) + (Bias ? 1 : 0));

    /// <summary>Offset of <c>W_l[0, 0]</c> in the parameter span.</summary>
    public int WeightOffset(int layer)
    {
        CheckRange(layer, 1, LayerCount, nameof(layer));
        return layer == 1 ? 0 : LayerParameterCount(1) + (layer - 2) * LayerParameterCount(2);
    }

    /// <summary>Offset of <c>b_l[0]</c> in the parameter span; only meaningful when <see cref="Bias"/>.</summary>
    public int BiasOffset(int layer) => WeightOffset(layer) + LayerOutputs(layer) * LayerInputs(layer);

    /// <summary>Whether the source generator accepts this width (at most <see cref="ShapeLimits.MaxWidth"/>).</summary>
    public bool IsGeneratable => Width <= ShapeLimits.MaxWidth;

    /// <summary>Whether the generated kernels for this shape are fully unrolled (see <see cref="ShapeLimits.MaxUnrolledWidth"/>).</summary>
    public bool IsUnrolled => Width <= ShapeLimits.MaxUnrolledWidth;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{InputDim}→[{Width}×{Depth}]→{OutputDim}{(Bias ? "" : " no-bias")}{(OutputActivation ? " out-act" : "")} {Activation}{ParameterSuffix}";

    private string ParameterSuffix => ActivationConstants.HasParameter(Activation)
        ? FormattableString.Invariant($"({ActivationParameter:G6})")
        : "";

    private static void CheckRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in {min}..{max}.");
    }
}
