using ReluKernels.Training;

namespace ReluKernels.Cli.Options;

/// <summary><c>--optimizer</c>: the optimisers of the training engine.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma &amp; Ba), β₁ = 0.9, β₂ = 0.999, ε = 1e-8.</summary>
    Adam,

    /// <summary>Plain stochastic gradient descent.</summary>
    Sgd,

    /// <summary>SGD with (heavy-ball) momentum, PyTorch's convention.</summary>
    Momentum,

    /// <summary>SGD with Nesterov momentum.</summary>
    Nesterov,
}

/// <summary>Builds <see cref="OptimizerSettings"/> from the command-line choices.</summary>
public static class OptimizerKindExtensions
{
    /// <summary>The settings for <paramref name="kind"/> with learning rate <paramref name="learningRate"/> and, for the momentum kinds, <paramref name="momentum"/>.</summary>
    public static OptimizerSettings Settings(this OptimizerKind kind, double learningRate, double momentum) => kind switch
    {
        OptimizerKind.Adam => new AdamSettings(learningRate),
        OptimizerKind.Sgd => new SgdSettings(learningRate),
        OptimizerKind.Momentum => new SgdSettings(learningRate, momentum),
        OptimizerKind.Nesterov => new SgdSettings(learningRate, momentum, nesterov: true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimizer."),
    };

    /// <summary>The kind of <paramref name="settings"/>: what <c>--optimizer</c> names it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An optimiser the command line cannot name.</exception>
    public static OptimizerKind KindOf(OptimizerSettings settings) => settings switch
    {
        AdamSettings => OptimizerKind.Adam,
        SgdSettings { Momentum: 0 } => OptimizerKind.Sgd,
        SgdSettings { Nesterov: true } => OptimizerKind.Nesterov,
        SgdSettings => OptimizerKind.Momentum,
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings, "No --optimizer names this optimiser."),
    };

    /// <summary>Whether <paramref name="kind"/> uses a momentum coefficient.</summary>
    public static bool UsesMomentum(this OptimizerKind kind) => kind is OptimizerKind.Momentum or OptimizerKind.Nesterov;
}
