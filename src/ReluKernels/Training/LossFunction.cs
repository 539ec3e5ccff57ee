namespace ReluKernels.Training;

/// <summary>The training losses; <see cref="Losses"/> evaluates them.</summary>
public enum LossFunction
{
    /// <summary>MSE: the mean over samples and outputs of (y − t)². Its minimiser over constants is the mean of the targets.</summary>
    MeanSquaredError = 0,

    /// <summary>MAE: the mean over samples and outputs of |y − t|. Its minimisers over constants are the medians of the targets.</summary>
    MeanAbsoluteError = 1,
}
