namespace ReluKernels.Experiments.Remedies;

/// <summary>
/// The settings of a <see cref="RemedyExperiment"/> (the CLI's <c>train-remedies</c>) when none are given: a default scale
/// that runs in minutes on two cores, and the paper scale.
/// </summary>
/// <remarks>
/// Lu, Su &amp; Karniadakis 2019, §5 state the network (width 2, "10 layers", i.e. 9 hidden layers), the remedies, BN before
/// the activation and LeCun normal for SELU. They state neither the optimiser of §5, the learning rate, the epochs, the
/// number of runs nor the dropout rate: Adam with lr 1e-3 (as <c>train-collapse</c>), the counts below and p = 0.1 are ours.
/// </remarks>
public static class RemedyDefaults
{
    /// <summary>Independent trainings per remedy of a default run (ours).</summary>
    public const int Runs = 100;

    /// <summary>Independent trainings per remedy at paper scale (ours: the paper states no count).</summary>
    public const int PaperRuns = 1000;

    /// <summary>Epochs per training of a default run (ours).</summary>
    public const int Epochs = 200;

    /// <summary>Epochs per training at paper scale (ours: as <c>train-collapse --paper</c>).</summary>
    public const int PaperEpochs = 5000;

    /// <summary>Adam's learning rate (ours, as <c>train-collapse</c>).</summary>
    public const double LearningRate = 1e-3;

    /// <summary>Mini-batch size (Lu et al. 2019, §2); batch normalisation needs at least 2.</summary>
    public const int BatchSize = 128;

    /// <summary>The dropout rate p (ours: the paper states none; 0.1 keeps a width-2 layer alive most of the time).</summary>
    public const double DropoutRate = 0.1;

    /// <summary>Where the paper-scale counts come from, for help texts.</summary>
    public const string PaperScaleNote = "Lu et al. 2019 states neither; see docs/experiments/remedies.md";
}
