namespace ReluKernels.Training;

/// <summary>The summary of one <see cref="Trainer{TKernel, T}.Train"/> call.</summary>
/// <param name="Status">Why training stopped.</param>
/// <param name="Epochs">Epochs run; for a diverged run, the epoch in which the divergence was seen.</param>
/// <param name="FinalLoss">The loss over the whole training set at the final parameters (non-finite when diverged).</param>
/// <param name="GradientVanishedEpoch">
/// The first epoch in which every mini-batch gave an exactly zero gradient to every parameter of the hidden layers
/// 1..Depth (only the output layer's parameters had any gradient: the situation of Lu et al. 2019, Lemma 3 when the dead layer
/// is the last hidden one, or when the layers after it are zero too, as with zero-initialised biases); 0 if never.
/// </param>
public readonly record struct TrainingResult(TrainingStatus Status, int Epochs, double FinalLoss, int GradientVanishedEpoch)
{
    /// <summary>Whether the run diverged.</summary>
    public bool Diverged => Status == TrainingStatus.Diverged;
}
