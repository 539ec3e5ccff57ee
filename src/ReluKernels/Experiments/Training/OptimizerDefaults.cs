namespace ReluKernels.Experiments.Training;

/// <summary>Optimiser settings the training experiments share when none are given.</summary>
public static class OptimizerDefaults
{
    /// <summary>
    /// μ of SGD with (classic or Nesterov) momentum: 0.9, the value Shin &amp; Karniadakis 2020, §5.2 use for Fig. 6 (the
    /// paper's there; ours for the other experiments, which the papers train without momentum).
    /// </summary>
    public const double Momentum = 0.9;

    /// <summary>
    /// The learning rate of SGD and its momentum variants when none is given: 1e-3, PyTorch's default for
    /// <c>torch.optim.SGD</c> (ours: the papers state none for these experiments).
    /// </summary>
    public const double SgdLearningRate = 1e-3;
}
