using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// A first-order optimiser's hyper-parameters: an immutable description that creates one <see cref="IOptimizer{T}"/> per
/// training (or per thread) with <see cref="Create{T}"/>. The trainer steps it on every mini-batch's gradient.
/// </summary>
public abstract record FirstOrderSettings : OptimizerSettings
{
    /// <summary>Prevents derivation outside the library.</summary>
    private protected FirstOrderSettings()
    {
    }

    /// <summary>The step size (&gt; 0, finite).</summary>
    public abstract double LearningRate { get; }

    /// <summary>A fresh optimiser with zero state for <paramref name="parameterCount"/> parameters.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameterCount"/> is less than 1.</exception>
    public abstract IOptimizer<T> Create<T>(int parameterCount) where T : unmanaged, IFloatingPointIeee754<T>;
}
