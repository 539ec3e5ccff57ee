namespace ReluKernels.Training;

/// <summary>Which quasi-Newton minimiser of MathNet.Numerics a <see cref="QuasiNewtonSettings"/> runs.</summary>
public enum QuasiNewtonMethod
{
    /// <summary>BFGS with a dense inverse-Hessian approximation (<c>MathNet.Numerics.Optimization.BfgsMinimizer</c>).</summary>
    Bfgs = 0,

    /// <summary>Limited-memory BFGS (<c>MathNet.Numerics.Optimization.LimitedMemoryBfgsMinimizer</c>).</summary>
    LimitedMemoryBfgs = 1,
}
