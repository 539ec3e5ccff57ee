using ReluKernels.Training.Layers;

namespace ReluKernels.Experiments.Remedies;

/// <summary>
/// What each <see cref="Remedy"/> changes in the plain ReLU network of a <see cref="RemedySetup"/>: the layers (activation,
/// normalisation, dropout) and the initialisation. Everything else — data, optimiser, batch, epochs, seeds — is shared.
/// </summary>
public static class RemedyNetworks
{
    /// <summary>The network of <paramref name="remedy"/>: the setup's architecture with the remedy's activation and hidden-layer options.</summary>
    public static LayeredArchitecture Layout(RemedySetup setup, Remedy remedy)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var a = setup.Architecture;
        var network = remedy switch
        {
            Remedy.Selu => new NetworkArchitecture(a.Width, a.Depth, a.InputDim, a.OutputDim, activation: Activation.SELU),
            Remedy.LeakyRelu => new NetworkArchitecture(a.Width, a.Depth, a.InputDim, a.OutputDim, activation: Activation.LeakyReLU),
            _ => a,
        };
        return remedy switch
        {
            Remedy.BatchNorm => LayeredArchitecture.Uniform(network, HiddenNormalization.Batch),
            Remedy.WeightNorm => LayeredArchitecture.Uniform(network, HiddenNormalization.Weight),
            Remedy.Dropout => LayeredArchitecture.Uniform(network, dropout: setup.DropoutRate),
            _ => LayeredArchitecture.Uniform(network),
        };
    }

    /// <summary>The initialisation of <paramref name="remedy"/>; LSUV's batch is the setup's training inputs.</summary>
    public static IInitializer Initializer(RemedySetup setup, Remedy remedy)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return remedy switch
        {
            Remedy.Orthogonal => OrthogonalInitializer.Default,
            Remedy.Lsuv => Lsuv(setup),
            Remedy.Rai => RandomizedAsymmetricInitializer.Default,
            Remedy.Selu => NormalInitializer.LeCun,
            _ => NormalInitializer.HeWithoutBias,
        };
    }

    /// <summary>The remedy's command-line name, e.g. <c>batch-norm</c>.</summary>
    public static string Name(Remedy remedy) => remedy switch
    {
        Remedy.He => "he",
        Remedy.Orthogonal => "orthogonal",
        Remedy.Lsuv => "lsuv",
        Remedy.Rai => "rai",
        Remedy.BatchNorm => "batch-norm",
        Remedy.WeightNorm => "weight-norm",
        Remedy.Selu => "selu",
        Remedy.Dropout => "dropout",
        Remedy.LeakyRelu => "leaky-relu",
        _ => throw new ArgumentOutOfRangeException(nameof(remedy), remedy, "Unknown remedy."),
    };

    /// <summary>What the papers claim for <paramref name="remedy"/> (the table's last column).</summary>
    public static string Claim(Remedy remedy) => remedy switch
    {
        Remedy.He => "collapses (Lu et al. 2019, §2)",
        Remedy.Orthogonal => "collapses, a little less than He (§5.1)",
        Remedy.Lsuv => "collapses like orthogonal (§5.1)",
        Remedy.Rai => "collapses far less (Lu et al. 2020)",
        Remedy.BatchNorm => "escapes collapse (§5.2)",
        Remedy.WeightNorm => "collapses (§5.2)",
        Remedy.Selu => "escapes collapse (§5.2)",
        Remedy.Dropout => "collapses (§5.2)",
        Remedy.LeakyRelu => "not run by the papers",
        _ => throw new ArgumentOutOfRangeException(nameof(remedy), remedy, "Unknown remedy."),
    };

    private static LsuvInitializer Lsuv(RemedySetup setup)
    {
        var training = setup.Problem.TrainingSet<double>(setup.Parallel.Seed);
        return new LsuvInitializer(training.Inputs, training.InputDim);
    }
}
