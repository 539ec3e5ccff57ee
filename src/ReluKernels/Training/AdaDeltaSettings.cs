using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// AdaDelta (Zeiler 2012, Algorithm 1) in PyTorch's convention (<c>torch.optim.Adadelta</c> without weight decay); PyTorch's
/// defaults η = 1.0, ρ = 0.9, ε = 1e-6. With gradient g, square average v and update average u (both initially 0):
/// v ← ρ v + (1 − ρ) g², Δ = √(u + ε) / √(v + ε) · g, u ← ρ u + (1 − ρ) Δ², θ ← θ − η Δ.
/// </summary>
/// <remarks>
/// Zeiler's algorithm has no learning rate (η = 1); PyTorch adds one, and its default 1.0 is the paper's update. A
/// parameter whose gradient has always been exactly 0 gets Δ = 0 and never moves.
/// </remarks>
public sealed record AdaDeltaSettings : FirstOrderSettings
{
    /// <summary>Creates AdaDelta settings.</summary>
    /// <param name="learningRate">η &gt; 0, finite, scaling Δ.</param>
    /// <param name="rho">ρ in [0, 1), the decay of both averages.</param>
    /// <param name="epsilon">ε &gt; 0, finite, inside both roots.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public AdaDeltaSettings(double learningRate = 1.0, double rho = 0.9, double epsilon = 1e-6)
    {
        LearningRate = CheckLearningRate(learningRate);
        Rho = CheckDecay(rho, nameof(rho));
        Epsilon = CheckPositive(epsilon, nameof(epsilon));
    }

    /// <inheritdoc/>
    public override double LearningRate { get; }

    /// <summary>ρ, the decay of the square and update averages.</summary>
    public double Rho { get; }

    /// <summary>ε, inside both roots.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override IOptimizer<T> Create<T>(int parameterCount) => new AdaDeltaOptimizer<T>(this, parameterCount);

    /// <inheritdoc/>
    public override string ToString() => $"AdaDelta(lr {LearningRate}, ρ {Rho}, ε {Epsilon})";
}
