namespace ReluKernels;

/// <summary>Activation functions a generated network can use.</summary>
/// <remarks>
/// The numeric values are part of the generator contract (the generator reads them from the attribute). Activations with a
/// parameter take it from <see cref="NetworkShapeAttribute.ActivationParameter"/> (or
/// <see cref="NetworkArchitecture.ActivationParameter"/>); docs/kernels.md has the table of formulas and derivatives.
/// </remarks>
public enum Activation
{
    /// <summary>max(z, 0) with IEEE-754 maximum semantics (NaN propagates); derivative 1 where z &gt; 0, else 0.</summary>
    ReLU = 0,

    /// <summary>z for z &gt; 0, a·z otherwise; parameter: the slope a ≥ 0 (default 0.01).</summary>
    LeakyReLU = 1,

    /// <summary>z for z &gt; 0, α(eᶻ − 1) otherwise (Clevert et al. 2016); parameter: α ≥ 0 (default 1).</summary>
    ELU = 2,

    /// <summary>λ·ELU with α, the published constants of Klambauer et al. (2017); no parameter.</summary>
    SELU = 3,

    /// <summary>(max(z, 0) − 1/√(2π)) / √(1/2 − 1/(2π)): ReLU with zero mean and unit second moment under N(0, 1); no parameter.</summary>
    NormalizedReLU = 4,

    /// <summary>
    /// NormReLU_b of Agarwal, Awasthi &amp; Kale (2021): λ_b (max(z, b) − μ_b), normalised under N(0, 1) in closed form;
    /// parameter: the kink b (default ≈ −1.5908, where λ_b equals SELU's λ, the paper's choice).
    /// </summary>
    NormReLU = 5,

    /// <summary>
    /// tanh(z)/s with s = √(E tanh(X)²), X ~ N(0, 1) (tanh is odd, so the mean is 0; s by quadrature); no parameter.
    /// σ' is read from the output: (1 − (s·y)²)/s.
    /// </summary>
    NormalizedTanh = 6,

    /// <summary>
    /// erf(z)/s with s = √(E erf(X)²) = √((2/π) arcsin(2/3)), X ~ N(0, 1); no parameter. σ' = (2/√π) e^{−z²}/s needs the
    /// pre-activation z, which the backward pass keeps for this activation only.
    /// </summary>
    NormalizedErf = 7,
}
