using ReluKernels.Training;

namespace ReluKernels.Cli.Options;

/// <summary><c>--loss</c>: the training loss by its usual short name.</summary>
public enum LossOption
{
    /// <summary>Mean squared error.</summary>
    Mse,

    /// <summary>Mean absolute error.</summary>
    Mae,
}

/// <summary>Maps <see cref="LossOption"/> to the engine's <see cref="LossFunction"/>.</summary>
public static class LossOptionExtensions
{
    /// <summary>The loss function named by <paramref name="loss"/>.</summary>
    public static LossFunction ToLossFunction(this LossOption loss) =>
        loss == LossOption.Mae ? LossFunction.MeanAbsoluteError : LossFunction.MeanSquaredError;
}
