namespace ReluKernels;

/// <summary>
/// Marks a <c>partial struct</c> or <c>partial class</c> as a fixed network shape. The ReluKernels source generator
/// then emits unrolled, allocation-free SIMD forward and backward kernels for it and makes it implement
/// <see cref="IReluNetwork{TSelf, T}"/>.
/// </summary>
/// <remarks>
/// The network has <see cref="InputDim"/> inputs, then <see cref="Depth"/> hidden layers of <see cref="Width"/>
/// neurons (each an affine map followed by <see cref="Activation"/>), then an affine output layer of
/// <see cref="OutputDim"/> neurons, which also applies the activation when <see cref="OutputActivation"/> is set.
/// See <see cref="NetworkArchitecture"/> for the parameter layout. Supported ranges are in <see cref="ShapeLimits"/>.
/// </remarks>
/// <param name="width">Neurons in every hidden layer.</param>
/// <param name="depth">Number of hidden layers (the output layer is not counted).</param>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkShapeAttribute(int width, int depth) : Attribute
{
    /// <summary>Neurons in every hidden layer.</summary>
    public int Width { get; } = width;

    /// <summary>Number of hidden layers (the output layer is not counted).</summary>
    public int Depth { get; } = depth;

    /// <summary>Input dimension; default 1.</summary>
    public int InputDim { get; set; } = 1;

    /// <summary>Output dimension; default 1.</summary>
    public int OutputDim { get; set; } = 1;

    /// <summary>Whether every layer has a bias vector; default true.</summary>
    public bool Bias { get; set; } = true;

    /// <summary>Whether the output layer applies the activation too (Lu et al.'s "last layer also ReLU"); default false.</summary>
    public bool OutputActivation { get; set; }

    /// <summary>The hidden-layer activation; default <see cref="ReluKernels.Activation.ReLU"/>.</summary>
    public Activation Activation { get; set; } = Activation.ReLU;

    /// <summary>
    /// The activation's parameter: the slope of <see cref="Activation.LeakyReLU"/> (default 0.01), α of
    /// <see cref="Activation.ELU"/> (default 1), the kink b of <see cref="Activation.NormReLU"/> (default ≈ −1.5908).
    /// Leave it unset (NaN here) for the default; setting it for an activation without a parameter, to NaN or ∞, or to a
    /// value the activation cannot use is diagnostic RK0009.
    /// </summary>
    public double ActivationParameter { get; set; } = double.NaN;

    /// <summary>The element type of parameters, inputs and outputs; default <see cref="ReluKernels.ElementType.Float"/>.</summary>
    public ElementType ElementType { get; set; } = ElementType.Float;
}
