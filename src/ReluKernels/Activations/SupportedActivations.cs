namespace ReluKernels.Activations;

/// <summary>One instance of every activation ReluKernels models, with the usual parameters, in a fixed order.</summary>
public static class SupportedActivations
{
    /// <summary>
    /// The rows of Agarwal, Awasthi &amp; Kale (2021), App. C.4 first (identity = h₁, 2nd Hermite, ReLU, step = sign,
    /// exponential), then normalised ReLU, NormReLU_b at the paper's b, leaky ReLU (0.01 and 0.2), ELU (α = 1), SELU,
    /// normalised tanh and erf, and h₃.
    /// </summary>
    public static IReadOnlyList<ScalarActivation> All { get; } =
    [
        new Hermite(1), new Hermite(2), new Relu(), new Sign(), new Exponential(),
        new NormalisedRelu(), new NormRelu(NormRelu.PaperKink), new LeakyRelu(0.01), new LeakyRelu(0.2), new Elu(1), new Selu(),
        new NormalisedTanh(), new NormalisedErf(), new Hermite(3),
    ];
}
