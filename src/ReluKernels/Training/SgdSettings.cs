using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// Stochastic gradient descent, optionally with momentum, classic or Nesterov, in PyTorch's convention
/// (<c>torch.optim.SGD</c> with dampening 0 and no weight decay). With gradient g, momentum buffer v (initially 0) and
/// learning rate η:
/// <list type="bullet">
/// <item>plain (μ = 0): θ ← θ − η g;</item>
/// <item>classic momentum: v ← μ v + g, θ ← θ − η v;</item>
/// <item>Nesterov: v ← μ v + g, θ ← θ − η (g + μ v).</item>
/// </list>
/// </summary>
/// <remarks>
/// PyTorch's momentum is the "heavy ball" with the learning rate outside the buffer, not Sutskever et al.'s
/// v ← μ v − η g (the two agree for a constant learning rate up to the scaling of v). PyTorch's first step sets v = g,
/// which equals μ·0 + g here. Shin &amp; Karniadakis 2020, §5.2 uses momentum 0.9 with learning rate 0.005.
/// </remarks>
public sealed record SgdSettings : FirstOrderSettings
{
    /// <summary>Creates SGD settings.</summary>
    /// <param name="learningRate">η &gt; 0.</param>
    /// <param name="momentum">μ in [0, 1); 0 is plain SGD.</param>
    /// <param name="nesterov">Nesterov momentum (needs μ &gt; 0, as in PyTorch).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <exception cref="ArgumentException">Nesterov without momentum.</exception>
    public SgdSettings(double learningRate, double momentum = 0, bool nesterov = false)
    {
        LearningRate = CheckLearningRate(learningRate);
        Momentum = CheckDecay(momentum, nameof(momentum));
        if (nesterov && momentum == 0)
            throw new ArgumentException("Nesterov momentum needs a momentum μ > 0.", nameof(nesterov));
        Nesterov = nesterov;
    }

    /// <inheritdoc/>
    public override double LearningRate { get; }

    /// <summary>μ; 0 for plain SGD.</summary>
    public double Momentum { get; }

    /// <summary>Whether the update uses Nesterov's look-ahead g + μ v.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    public override IOptimizer<T> Create<T>(int parameterCount) => new SgdOptimizer<T>(this, parameterCount);

    /// <inheritdoc/>
    public override string ToString() =>
        Momentum == 0 ? $"SGD(lr {LearningRate})" : $"SGD(lr {LearningRate}, {(Nesterov ? "Nesterov " : "")}momentum {Momentum})";
}
