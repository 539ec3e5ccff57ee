namespace ReluKernels.Training;

/// <summary>
/// An optimiser's hyper-parameters, validated at construction. Two kinds: <see cref="FirstOrderSettings"/> (an
/// <see cref="IOptimizer{T}"/> stepping on each mini-batch's gradient) and <see cref="QuasiNewtonSettings"/> (BFGS or
/// L-BFGS on the full-batch loss); <see cref="Trainer{TKernel, T}"/> runs either.
/// </summary>
public abstract record OptimizerSettings
{
    /// <summary>Prevents derivation outside the library: the trainer knows how to run each kind.</summary>
    private protected OptimizerSettings()
    {
    }

    /// <summary>Throws unless <paramref name="learningRate"/> is positive and finite.</summary>
    private protected static double CheckLearningRate(double learningRate)
    {
        if (!(learningRate > 0) || double.IsPositiveInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, $"The learning rate must be positive and finite; got {learningRate}.");
        return learningRate;
    }

    /// <summary>Throws unless 0 ≤ <paramref name="value"/> &lt; 1.</summary>
    private protected static double CheckDecay(double value, string name)
    {
        if (!(value >= 0 && value < 1))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1); got {value}.");
        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is positive and finite.</summary>
    private protected static double CheckPositive(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and finite; got {value}.");
        return value;
    }
}
