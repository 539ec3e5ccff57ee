namespace ReluKernels.Conditioning;

/// <summary>What one training of the depth-training check gives (the sample step of <see cref="DepthTrainingExperiment"/>).</summary>
/// <param name="Index">The run index r; it initialised from stream r of the seed.</param>
/// <param name="InitialLoss">MSE of the initial network.</param>
/// <param name="FinalLoss">MSE after training; null when the training diverged (its loss or parameters became NaN or infinite).</param>
public sealed record DepthTrainingRun(int Index, double InitialLoss, double? FinalLoss)
{
    /// <summary>Whether the training diverged.</summary>
    public bool Diverged => FinalLoss is null;
}
