using ReluKernels.Experiments.Training;
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

    /// <summary>AdaGrad, PyTorch's convention (ε = 1e-10).</summary>
    AdaGrad,

    /// <summary>AdaDelta, PyTorch's convention (ρ = 0.9, ε = 1e-6).</summary>
    AdaDelta,

    /// <summary>RMSProp, PyTorch's convention (α = 0.99, ε = 1e-8).</summary>
    RmsProp,

    /// <summary>Full-batch BFGS through MathNet.Numerics.</summary>
    Bfgs,

    /// <summary>Full-batch L-BFGS through MathNet.Numerics.</summary>
    Lbfgs,
}

/// <summary>Builds <see cref="OptimizerSettings"/> from the command-line choices.</summary>
public static class OptimizerKindExtensions
{
    /// <summary>The eight optimisers Lu, Su &amp; Karniadakis 2019 (Sec. 2) report collapse with, in their order.</summary>
    public static IReadOnlyList<OptimizerKind> LuEtAl { get; } =
    [
        OptimizerKind.Sgd, OptimizerKind.Nesterov, OptimizerKind.AdaGrad, OptimizerKind.AdaDelta, OptimizerKind.RmsProp,
        OptimizerKind.Adam, OptimizerKind.Bfgs, OptimizerKind.Lbfgs,
    ];

    /// <summary>
    /// The settings for <paramref name="kind"/> with learning rate <paramref name="learningRate"/> (null: the optimiser's
    /// default, <see cref="DefaultLearningRate"/>) and, for the momentum kinds, <paramref name="momentum"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A learning rate was given for a quasi-Newton optimiser.</exception>
    public static OptimizerSettings Settings(this OptimizerKind kind, double? learningRate, double momentum)
    {
        if (learningRate is not null && !kind.HasLearningRate())
            throw new ArgumentException($"{kind} has no learning rate.", nameof(learningRate));
        double lr = learningRate ?? kind.DefaultLearningRate();
        return kind switch
        {
            OptimizerKind.Adam => new AdamSettings(lr),
            OptimizerKind.Sgd => new SgdSettings(lr),
            OptimizerKind.Momentum => new SgdSettings(lr, momentum),
            OptimizerKind.Nesterov => new SgdSettings(lr, momentum, nesterov: true),
            OptimizerKind.AdaGrad => new AdaGradSettings(lr),
            OptimizerKind.AdaDelta => new AdaDeltaSettings(lr),
            OptimizerKind.RmsProp => new RmsPropSettings(lr),
            OptimizerKind.Bfgs => new QuasiNewtonSettings(QuasiNewtonMethod.Bfgs),
            OptimizerKind.Lbfgs => new QuasiNewtonSettings(QuasiNewtonMethod.LimitedMemoryBfgs),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimizer."),
        };
    }

    /// <summary>
    /// The learning rate <paramref name="kind"/> gets when none is given: PyTorch's default for each (1e-3 for SGD, its
    /// momentum variants and Adam; 1e-2 for AdaGrad and RMSProp; 1.0 for AdaDelta); NaN for the quasi-Newton kinds, which have none.
    /// </summary>
    public static double DefaultLearningRate(this OptimizerKind kind) => kind switch
    {
        OptimizerKind.Adam => new AdamSettings().LearningRate,
        OptimizerKind.AdaGrad => new AdaGradSettings().LearningRate,
        OptimizerKind.AdaDelta => new AdaDeltaSettings().LearningRate,
        OptimizerKind.RmsProp => new RmsPropSettings().LearningRate,
        OptimizerKind.Sgd or OptimizerKind.Momentum or OptimizerKind.Nesterov => OptimizerDefaults.SgdLearningRate,
        _ => double.NaN,
    };

    /// <summary>The kind of <paramref name="settings"/>: what <c>--optimizer</c> names it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An optimiser the command line cannot name.</exception>
    public static OptimizerKind KindOf(OptimizerSettings settings) => settings switch
    {
        AdamSettings => OptimizerKind.Adam,
        SgdSettings { Momentum: 0 } => OptimizerKind.Sgd,
        SgdSettings { Nesterov: true } => OptimizerKind.Nesterov,
        SgdSettings => OptimizerKind.Momentum,
        AdaGradSettings => OptimizerKind.AdaGrad,
        AdaDeltaSettings => OptimizerKind.AdaDelta,
        RmsPropSettings => OptimizerKind.RmsProp,
        QuasiNewtonSettings { Method: QuasiNewtonMethod.Bfgs } => OptimizerKind.Bfgs,
        QuasiNewtonSettings => OptimizerKind.Lbfgs,
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings, "No --optimizer names this optimiser."),
    };

    /// <summary>Whether <paramref name="kind"/> uses a momentum coefficient.</summary>
    public static bool UsesMomentum(this OptimizerKind kind) => kind is OptimizerKind.Momentum or OptimizerKind.Nesterov;

    /// <summary>Whether <paramref name="kind"/> takes a learning rate (the first-order ones; BFGS and L-BFGS use a line search).</summary>
    public static bool HasLearningRate(this OptimizerKind kind) => kind is not (OptimizerKind.Bfgs or OptimizerKind.Lbfgs);

    /// <summary>The <c>--optimizer</c> spelling of <paramref name="kind"/>.</summary>
    public static string Name(this OptimizerKind kind) => kind.ToString().ToLowerInvariant();
}
