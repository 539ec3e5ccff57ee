namespace ReluKernels.Tests.Kernels;

/// <summary>
/// The tolerances of the kernel tests, in one place. The forward passes, network-parallel passes and input gradients
/// are compared exactly: every path performs the same fused multiply-adds in the same order as GenericNetwork
/// (see its remarks), so any difference is a bug. Parameter gradients are sums over the batch that SIMD paths
/// accumulate per lane and then across lanes, a different summation order, so they agree to rounding only.
/// </summary>
public static class KernelTolerances
{
    /// <summary>
    /// Float parameter gradients: max |generated − generic| ≤ this × max |generic|. Reordering a sum of n terms moves it
    /// by at most about n·ε·Σ|terms|; with batches ≤ 70 and ε = 6e-8 that is ~4e-6 of the terms, and 1e-4 leaves room
    /// for Σ|terms| exceeding max|gradient| by 25× through cancellation.
    /// </summary>
    public const double FloatGradient = 1e-4;

    /// <summary>Double parameter gradients: the same argument with ε = 1.1e-16.</summary>
    public const double DoubleGradient = 1e-12;

    /// <summary>
    /// Central finite differences in double with step <see cref="FiniteDifferenceStep"/>: truncation error ~h²·|L'''| and
    /// rounding ~ε·|L|/h, both below 1e-9 for these O(1) networks; 1e-6 relative to (1 + |gradient|) is far above both and
    /// far below any real error (a wrong gradient term is O(1)).
    /// </summary>
    public const double FiniteDifference = 1e-6;

    /// <summary>Finite-difference step.</summary>
    public const double FiniteDifferenceStep = 1e-5;
}
