namespace ReluKernels.Conditioning;

/// <summary>
/// One activation of the depth-training check (<see cref="DepthTrainingExperiment"/>): the kernel activation and the
/// Gaussian initialisation it trains from, no biases.
/// </summary>
/// <remarks>g is <see cref="DepthTrainingInitializer.Gain2"/>: 1 for the normalised activations, He's 2 for plain ReLU.</remarks>
/// <param name="Name">The name in reports and on the command line, e.g. "normalised-relu".</param>
/// <param name="Kind">The kernel activation.</param>
/// <param name="Gain2">The hidden layers' variance numerator g.</param>
public sealed record DepthTrainingActivation(string Name, Activation Kind, double Gain2)
{
    /// <summary>Plain ReLU with He's gain: not normalised (E max(X, 0) ≠ 0), the baseline.</summary>
    public static DepthTrainingActivation Relu { get; } = new("relu", Activation.ReLU, 2);

    /// <summary>Normalised ReLU (μ ≈ 0.2665) with gain 1.</summary>
    public static DepthTrainingActivation NormalisedRelu { get; } = new("normalised-relu", Activation.NormalizedReLU, 1);

    /// <summary>NormReLU_b at the paper's kink b ≈ −1.5908 (μ ≈ 0.0159) with gain 1.</summary>
    public static DepthTrainingActivation NormRelu { get; } = new("norm-relu", Activation.NormReLU, 1);

    /// <summary>The three compared: plain ReLU, normalised ReLU, NormReLU_b.</summary>
    public static IReadOnlyList<DepthTrainingActivation> All { get; } = [Relu, NormalisedRelu, NormRelu];

    /// <summary>The initialiser of a depth-<paramref name="depth"/> network (<see cref="DepthTrainingInitializer"/>).</summary>
    public DepthTrainingInitializer Initializer(int depth) => new(Gain2, depth);

    /// <summary>The network of this activation: <paramref name="dimension"/> inputs, <paramref name="depth"/> hidden layers of <paramref name="width"/>, one linear output, no biases.</summary>
    public NetworkArchitecture Architecture(int width, int depth, int dimension) =>
        new(width, depth, inputDim: dimension, outputDim: 1, bias: false, activation: Kind);
}
