using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// AdaGrad (Duchi, Hazan &amp; Singer 2011) in PyTorch's convention (<c>torch.optim.Adagrad</c> with lr_decay 0, no weight
/// decay, initial accumulator 0); PyTorch's defaults η = 1e-2, ε = 1e-10. With gradient g and accumulator s (initially 0):
/// s ← s + g², θ ← θ − η g / (√s + ε).
/// </summary>
/// <remarks>A parameter whose gradient has always been exactly 0 keeps s = 0 and never moves (0 / ε = 0).</remarks>
public sealed record AdaGradSettings : FirstOrderSettings
{
    /// <summary>Creates AdaGrad settings.</summary>
    /// <param name="learningRate">η &gt; 0, finite.</param>
    /// <param name="epsilon">ε &gt; 0, finite, added to √s.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public AdaGradSettings(double learningRate = 1e-2, double epsilon = 1e-10)
    {
        LearningRate = CheckLearningRate(learningRate);
        Epsilon = CheckPositive(epsilon, nameof(epsilon));
    }

    /// <inheritdoc/>
    public override double LearningRate { get; }

    /// <summary>ε, added to √s.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override IOptimizer<T> Create<T>(int parameterCount) => new AdaGradOptimizer<T>(this, parameterCount);

    /// <inheritdoc/>
    public override string ToString() => $"AdaGrad(lr {LearningRate}, ε {Epsilon})";
}
