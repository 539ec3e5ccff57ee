using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// An optimiser's hyper-parameters, validated at construction: an immutable description that creates one
/// <see cref="IOptimizer{T}"/> per training (or per thread) with <see cref="Create{T}"/>.
/// </summary>
public abstract record OptimizerSettings
{
    /// <summary>The step size (&gt; 0, finite).</summary>
    public abstract double LearningRate { get; }

    /// <summary>A fresh optimiser with zero state for <paramref name="parameterCount"/> parameters.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameterCount"/> is less than 1.</exception>
    public abstract IOptimizer<T> Create<T>(int parameterCount) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Throws unless <paramref name="learningRate"/> is positive and finite.</summary>
    private protected static double CheckLearningRate(double learningRate)
    {
        if (!(learningRate > 0) || double.IsPositiveInfinity(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be positive and finite.");
        return learningRate;
    }

    /// <summary>Throws unless 0 ≤ <paramref name="value"/> &lt; 1.</summary>
    private protected static double CheckDecay(double value, string name)
    {
        if (!(value >= 0 && value < 1))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1).");
        return value;
    }
}
