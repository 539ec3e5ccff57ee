namespace ReluKernels.Experiments;

/// <summary>
/// The settings of <c>relukernels train-depth</c> when none are given (all ours: Agarwal, Awasthi &amp; Kale 2021 train on
/// CIFAR-10, out of reach here): a random-label task a narrow network can fit at depth 1, depths up to 16, and a run of
/// about 40 s of CPU time (20 s on 2 idle cores).
/// </summary>
public static class DepthTrainingDefaults
{
    /// <summary>Hidden width.</summary>
    public const int Width = 16;

    /// <summary>Depths (hidden layers) compared.</summary>
    public static IReadOnlyList<int> Depths { get; } = [1, 2, 4, 8, 16];

    /// <summary>Training points n.</summary>
    public const int Inputs = 32;

    /// <summary>Their dimension d.</summary>
    public const int Dimension = 8;

    /// <summary>Minimum separation δ of the inputs.</summary>
    public const double Separation = 0.1;

    /// <summary>Full-batch Adam steps per training.</summary>
    public const int Epochs = 500;

    /// <summary>Adam's learning rate.</summary>
    public const double LearningRate = 0.01;

    /// <summary>Initial networks per activation and depth.</summary>
    public const int Runs = 16;
}
