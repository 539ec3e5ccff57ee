using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// RMSProp (Tieleman &amp; Hinton 2012) in PyTorch's convention (<c>torch.optim.RMSprop</c> without momentum, centring or
/// weight decay); PyTorch's defaults η = 1e-2, α = 0.99, ε = 1e-8. With gradient g and square average v (initially 0):
/// v ← α v + (1 − α) g², θ ← θ − η g / (√v + ε).
/// </summary>
/// <remarks>
/// ε is added to √v, as in PyTorch (TensorFlow and Keras add it inside the root). A parameter whose gradient has always
/// been exactly 0 keeps v = 0 and never moves.
/// </remarks>
public sealed record RmsPropSettings : FirstOrderSettings
{
    /// <summary>Creates RMSProp settings.</summary>
    /// <param name="learningRate">η &gt; 0, finite.</param>
    /// <param name="alpha">α in [0, 1), the decay of the square average.</param>
    /// <param name="epsilon">ε &gt; 0, finite, added to √v.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public RmsPropSettings(double learningRate = 1e-2, double alpha = 0.99, double epsilon = 1e-8)
    {
        LearningRate = CheckLearningRate(learningRate);
        Alpha = CheckDecay(alpha, nameof(alpha));
        Epsilon = CheckPositive(epsilon, nameof(epsilon));
    }

    /// <inheritdoc/>
    public override double LearningRate { get; }

    /// <summary>α, the decay of the square average.</summary>
    public double Alpha { get; }

    /// <summary>ε, added to √v.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override IOptimizer<T> Create<T>(int parameterCount) => new RmsPropOptimizer<T>(this, parameterCount);

    /// <inheritdoc/>
    public override string ToString() => $"RMSProp(lr {LearningRate}, α {Alpha}, ε {Epsilon})";
}
