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

    /// <summary>
    /// <c>KernelMath.Exp</c> (double) against <see cref="Math.Exp(double)"/>, relative: Taylor truncation below 1e-17 and
    /// about one rounding per Horner step, which cancel to a measured maximum of 2.2e-16 (1 ulp) over 10⁶ points; two ulps
    /// (2 · 2⁻⁵²), since Math.Exp itself may be 1 ulp off.
    /// </summary>
    public const double ExpDouble = 2 * 2.220446049250313e-16;

    /// <summary>The same for float: truncation below 6e-9, measured maximum 7.6e-8 (0.64 ulp); two ulps (2 · 2⁻²³).</summary>
    public const double ExpFloat = 2 * 1.1920929e-7;

    /// <summary>
    /// <c>KernelMath.Tanh</c> (double) against <see cref="Math.Tanh(double)"/>, relative: measured maximum 2.0·2⁻⁵² over
    /// 4·10⁶ points of ±20 and of 1e-17..20 (just above the series bound 0.55, where 1 − 2/(e^{2a} + 1) loses about one bit
    /// to the subtraction and adds exp's ulp); below it the Taylor sum is within 1·2⁻⁵². Three units of 2⁻⁵², since
    /// Math.Tanh may itself be an ulp off.
    /// </summary>
    public const double TanhDouble = 3 * 2.220446049250313e-16;

    /// <summary>The same for float: measured maximum 1.47·2⁻²³ (again just above 0.55); 2.5 units of 2⁻²³.</summary>
    public const double TanhFloat = 2.5 * 1.1920929e-7;

    /// <summary>
    /// <c>KernelMath.Erf</c> (double) against MathNet's <c>SpecialFunctions.Erf</c>, relative: measured maximum
    /// 4.0·2⁻⁵² over 4·10⁶ points of ±7 and 1e-17..7, at |x| ≈ 2.1, where the series' three roundings after the sum (the
    /// products by a, e^{−a²} and 2/√π) and exp's ulp add up; the continued-fraction side is within 1·2⁻⁵² (erfc is small
    /// there). Five units, for MathNet's own ulp.
    /// </summary>
    public const double ErfDouble = 5 * 2.220446049250313e-16;

    /// <summary>The same for float: measured maximum 3.77·2⁻²³ at |x| ≈ 1.9 (series side); 5 units of 2⁻²³.</summary>
    public const double ErfFloat = 5 * 1.1920929e-7;

    /// <summary>
    /// As <see cref="ActivationModel"/>, for normalised tanh and erf, whose building blocks are less exact than exp:
    /// tanh's derivative recovers tanh z as s·y to about <see cref="TanhDouble"/> plus three roundings (y, s·y, the literal
    /// s), ≈ 4·2⁻⁵²; 1 − t² then has absolute error ≤ 2·4·2⁻⁵², times 1/s ≈ 1.59: ≈ 2.8e-15. erf's value is 1/s ≈ 1.47 times
    /// <see cref="ErfDouble"/> plus a rounding, ≈ 1.8e-15, plus the model's (MathNet's) ulp. 4e-15 covers both.
    /// </summary>
    public const double SmoothActivationModel = 4e-15;

    /// <summary>
    /// <c>GenericNetwork&lt;double&gt;</c>'s activation (value and derivative) against the activation model
    /// (<c>ReluKernels.Activations</c>), relative to 1 + |value|: the exp error <see cref="ExpDouble"/> scaled by α ≤ 1.76
    /// (SELU's λα), plus two roundings (the −1 and the product) and the model's own ulp (expm1, MathNet's erfc in
    /// NormReLU's constants): 1.76 · 4.4e-16 + 3 · 2.2e-16 ≈ 1.5e-15, rounded up to 2e-15.
    /// </summary>
    public const double ActivationModel = 2e-15;

    /// <summary>
    /// The normalisation of the kernels' constants, E σ(X) = 0 and E σ(X)² = 1 under N(0, 1), by the library's
    /// quadrature (accurate to ~1e-14 on these piecewise-smooth integrands split at the kink): the 1e-12.
    /// </summary>
    public const double Normalisation = 1e-12;
}
