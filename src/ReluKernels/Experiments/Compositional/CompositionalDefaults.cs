namespace ReluKernels.Experiments.Compositional;

/// <summary>
/// The settings of a <see cref="CompositionalExperiment"/> run (the CLI's <c>compositional</c>) when none are given. Milkert,
/// Hyde &amp; Laine (2023, §4.1) state the data, the network, Adam, 1000 epochs, MSE and 30 models per method: those are the
/// paper's, and a default run is already at paper scale (about a minute on 2 cores). The rest is ours: the paper gives
/// no learning rates, no split of the epochs between the stages, no batch size and no distribution of the starting peaks.
/// </summary>
public static class CompositionalDefaults
{
    /// <summary>Evenly spaced points on [0, 1] (the paper's).</summary>
    public const int Points = 500;

    /// <summary>Hidden layers (the paper's).</summary>
    public const int Depth = 5;

    /// <summary>Models per method and target (the paper's).</summary>
    public const int Models = 30;

    /// <summary>Adam epochs per model, both stages together, full batch (the paper's 1000; full batch is ours).</summary>
    public const int Epochs = 1000;

    /// <summary>Of <see cref="Epochs"/>, those spent in stage one by the pretrained methods (ours: half), so every method gets the same budget.</summary>
    public const int PretrainingEpochs = 500;

    /// <summary>Adam's rate on the raw weights (ours: Adam's and PyTorch's default).</summary>
    public const double LearningRate = 1e-3;

    /// <summary>Adam's rate on the peak and scale coordinates in stage one (ours).</summary>
    public const double PretrainingLearningRate = 1e-2;

    /// <summary>Starting peaks are drawn uniform in [<see cref="StartPeakLow"/>, <see cref="StartPeakHigh"/>] (ours).</summary>
    public const double StartPeakLow = 0.3;

    /// <summary>See <see cref="StartPeakLow"/>.</summary>
    public const double StartPeakHigh = 0.7;

    /// <summary>The start's s_0 as a fraction of a_0·a_1 (ours: F'(0) = 1/2 when subtracting, 3/2 when adding).</summary>
    public const double StartFirstScaleRatio = 0.5;
}
