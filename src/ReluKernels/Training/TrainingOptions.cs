namespace ReluKernels.Training;

/// <summary>How <see cref="Trainer{TKernel, T}"/> trains: loss, optimiser, batching, limits and stopping rules. Every value is validated when set.</summary>
public sealed record TrainingOptions
{
    /// <summary>The optimiser (its learning rate included).</summary>
    public required OptimizerSettings Optimizer
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Optimizer));
    }

    /// <summary>The loss; mean squared error by default.</summary>
    public LossFunction Loss
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Loss), value, "Unknown loss.");
    }

    /// <summary>The most epochs to run (&gt; 0); 1000 by default.</summary>
    public int MaxEpochs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(MaxEpochs));
            field = value;
        }
    } = 1000;

    /// <summary>
    /// Samples per mini-batch, at least 1; 0 (the default) means full batch. Mini-batches are taken in a fresh random
    /// order every epoch; the last one of an epoch is smaller when the batch does not divide the data set (PyTorch's
    /// <c>drop_last = False</c>). A batch at least as large as the data set is full batch.
    /// </summary>
    public int BatchSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(BatchSize));
            field = value;
        }
    }

    /// <summary>Early stopping on a loss plateau; null (the default) never stops early.</summary>
    public PlateauStopping? EarlyStopping { get; init; }

    /// <summary>
    /// Whether to stop at the end of the first epoch in which every mini-batch gave an exactly zero gradient to every
    /// hidden-layer parameter (<see cref="TrainingResult.GradientVanishedEpoch"/>). False by default: the output layer
    /// still trains, which is how a collapsed network moves to the mean or median (Lu et al. 2019, Theorem 4).
    /// </summary>
    public bool StopWhenGradientVanishes { get; init; }
}
