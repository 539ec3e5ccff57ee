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

    /// <summary>
    /// How training treats the balance of the hidden neurons (<see cref="BalanceMode"/>; none by default). Any mode other
    /// than <see cref="BalanceMode.None"/> needs a positively homogeneous activation and a plain kernel (no normalisation
    /// layers, under which a neuron's scale means something else); <see cref="Trainer{TKernel, T}"/> checks both.
    /// </summary>
    public BalanceMode Balance
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Balance), value, "Unknown balance mode.");
    }

    /// <summary>
    /// λ of <see cref="BalanceMode.Penalty"/>, finite and ≥ 0 (0 by default): the gradient of λ·Σ_i (‖c_i‖² − ‖a_i‖²)² is
    /// added to each step's. Only the gradient: reported losses stay the data loss, so runs with and without the penalty
    /// compare directly. Unused by the other modes.
    /// </summary>
    public double BalanceWeight
    {
        get;
        init
        {
            if (!double.IsFinite(value) || value < 0)
                throw new ArgumentOutOfRangeException(nameof(BalanceWeight), value, "The balance weight must be finite and at least 0.");
            field = value;
        }
    }

    /// <summary>
    /// λ_r of the redundancy penalty (<see cref="NeuronRedundancy"/>), finite and ≥ 0; 0 (the default) turns it off. When
    /// positive, the gradient of λ_r·Σ_{i&lt;j} max(0, cos(a_i, a_j))² over each hidden layer's incoming vectors is added to each
    /// step's, independently of <see cref="Balance"/>; reported losses stay the data loss. Needs a plain kernel and a
    /// first-order optimiser; <see cref="Trainer{TKernel, T}"/> checks both.
    /// </summary>
    public double RedundancyWeight
    {
        get;
        init
        {
            if (!double.IsFinite(value) || value < 0)
                throw new ArgumentOutOfRangeException(nameof(RedundancyWeight), value, "The redundancy weight must be finite and at least 0.");
            field = value;
        }
    }
}
