namespace ReluKernels.MonteCarlo;

/// <summary>
/// How a collapse experiment draws each hidden layer's biases, at scale σ_b (<see cref="CollapseExperiment.BiasStd"/>).
/// Only <see cref="Normal"/> is symmetric, the setting of Lu et al.'s theorems; the others are the "biases drawn positive"
/// remedy that the journal version (Lu, Shin, Su &amp; Karniadakis 2020) compares with RAI.
/// </summary>
public enum BiasDistribution
{
    /// <summary>b ~ N(0, σ_b²) i.i.d.</summary>
    Normal,

    /// <summary>b = |N(0, σ_b²)| i.i.d. (half-normal: positive, mean σ_b·√(2/π)).</summary>
    HalfNormal,

    /// <summary>b = σ_b for every neuron (a constant positive bias; no draws).</summary>
    Constant,
}
