namespace ReluKernels.Training;

/// <summary>Why a training stopped.</summary>
public enum TrainingStatus
{
    /// <summary>It ran <see cref="TrainingOptions.MaxEpochs"/> epochs.</summary>
    MaxEpochsReached = 0,

    /// <summary>The loss plateaued (<see cref="TrainingOptions.EarlyStopping"/>).</summary>
    Plateau = 1,

    /// <summary>Hidden-layer gradients vanished for a whole epoch and <see cref="TrainingOptions.StopWhenGradientVanishes"/> was set.</summary>
    GradientVanished = 2,

    /// <summary>A loss or a parameter became NaN or infinite; the training was stopped there (never an exception).</summary>
    Diverged = 3,
}
