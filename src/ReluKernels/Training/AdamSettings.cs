using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// Adam (Kingma &amp; Ba 2015, Algorithm 1) with bias correction; the defaults are the paper's (and PyTorch's and Keras'):
/// η = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8. With gradient g at step t = 1, 2, …:
/// m ← β₁ m + (1 − β₁) g, v ← β₂ v + (1 − β₂) g², m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ), θ ← θ − η m̂ / (√v̂ + ε).
/// </summary>
/// <remarks>
/// ε is added to √v̂ as in Algorithm 1 and PyTorch (not the "ε̂" variant of the paper's §2 remark, which TensorFlow
/// uses). A parameter whose gradient has always been exactly 0 keeps m = v = 0 and therefore never moves, which is what
/// Lu et al.'s Lemma 3 needs of a collapsed network; that is why ε must be positive.
/// </remarks>
public sealed record AdamSettings : FirstOrderSettings
{
    /// <summary>Creates Adam settings.</summary>
    /// <param name="learningRate">η &gt; 0.</param>
    /// <param name="beta1">β₁ in [0, 1).</param>
    /// <param name="beta2">β₂ in [0, 1).</param>
    /// <param name="epsilon">ε &gt; 0, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public AdamSettings(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        LearningRate = CheckLearningRate(learningRate);
        Beta1 = CheckDecay(beta1, nameof(beta1));
        Beta2 = CheckDecay(beta2, nameof(beta2));
        Epsilon = CheckPositive(epsilon, nameof(epsilon));
    }

    /// <inheritdoc/>
    public override double LearningRate { get; }

    /// <summary>β₁, the decay of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, the decay of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to √v̂.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override IOptimizer<T> Create<T>(int parameterCount) => new AdamOptimizer<T>(this, parameterCount);

    /// <inheritdoc/>
    public override string ToString() => $"Adam(lr {LearningRate}, β1 {Beta1}, β2 {Beta2}, ε {Epsilon})";
}
