namespace ReluKernels.Training;

/// <summary>
/// BFGS or L-BFGS on the full-batch loss, through MathNet.Numerics' minimisers (<c>BfgsMinimizer</c>,
/// <c>LimitedMemoryBfgsMinimizer</c>) and their line search; the defaults are PyTorch's <c>torch.optim.LBFGS</c> stopping
/// rules: gradient tolerance 1e-7 (max |∂L/∂θᵢ|), parameter and loss-change tolerance 1e-9, history 100.
/// </summary>
/// <remarks>
/// <para><b>How the trainer runs it</b> (<see cref="Trainer{TKernel, T}.Train"/>): the batch size and the mini-batch order
/// are ignored — every evaluation is of the whole training set — and one <i>epoch</i> is one evaluation of the loss and its
/// gradient, so an epoch costs what a full-batch first-order epoch costs (one forward and one backward pass); a
/// minimiser iteration takes one or more evaluations (its line search). The loss history records, at each evaluation, the
/// lowest loss evaluated so far, and the trained parameters are that lowest-loss point. Stopping: the minimiser's
/// tolerances met → <see cref="TrainingStatus.Plateau"/>; the epoch budget spent → <see cref="TrainingStatus.MaxEpochsReached"/>;
/// a NaN or infinite loss, or a failure of MathNet's minimiser (e.g. a line search that finds no acceptable step), →
/// <see cref="TrainingStatus.Diverged"/>.</para>
/// <para><b>Memory.</b> Unlike the first-order optimisers this path allocates: MathNet works on its own
/// <c>Vector&lt;double&gt;</c>s and allocates per iteration (BFGS also keeps a dense n × n matrix). The minimiser runs in
/// double; the network is evaluated at the parameters rounded to the kernel's element type.</para>
/// </remarks>
public sealed record QuasiNewtonSettings : OptimizerSettings
{
    /// <summary>Creates quasi-Newton settings.</summary>
    /// <param name="method">BFGS or L-BFGS.</param>
    /// <param name="gradientTolerance">Stop when max |∂L/∂θᵢ| falls below this (&gt; 0, finite).</param>
    /// <param name="parameterTolerance">Stop when an iteration moves the parameters less than this (&gt; 0, finite).</param>
    /// <param name="functionProgressTolerance">Stop when an iteration lowers the loss by less than this (&gt; 0, finite).</param>
    /// <param name="memory">L-BFGS: the number of correction pairs kept (≥ 1); not used by BFGS.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public QuasiNewtonSettings(QuasiNewtonMethod method, double gradientTolerance = 1e-7, double parameterTolerance = 1e-9,
        double functionProgressTolerance = 1e-9, int memory = 100)
    {
        if (!Enum.IsDefined(method))
            throw new ArgumentOutOfRangeException(nameof(method), method, $"Unknown quasi-Newton method {method}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(memory, 1);
        Method = method;
        GradientTolerance = CheckPositive(gradientTolerance, nameof(gradientTolerance));
        ParameterTolerance = CheckPositive(parameterTolerance, nameof(parameterTolerance));
        FunctionProgressTolerance = CheckPositive(functionProgressTolerance, nameof(functionProgressTolerance));
        Memory = memory;
    }

    /// <summary>BFGS or L-BFGS.</summary>
    public QuasiNewtonMethod Method { get; }

    /// <summary>The gradient tolerance (max |∂L/∂θᵢ|).</summary>
    public double GradientTolerance { get; }

    /// <summary>The parameter-change tolerance.</summary>
    public double ParameterTolerance { get; }

    /// <summary>The loss-change tolerance.</summary>
    public double FunctionProgressTolerance { get; }

    /// <summary>L-BFGS's number of correction pairs.</summary>
    public int Memory { get; }

    /// <inheritdoc/>
    public override string ToString() => Method == QuasiNewtonMethod.Bfgs
        ? $"BFGS(full batch, gtol {GradientTolerance}, xtol {ParameterTolerance}, ftol {FunctionProgressTolerance})"
        : $"L-BFGS(full batch, memory {Memory}, gtol {GradientTolerance}, xtol {ParameterTolerance}, ftol {FunctionProgressTolerance})";
}
