namespace ReluKernels.Experiments.Compositional;

/// <summary>How the first training stage treats the scales s_i (Milkert, Hyde &amp; Laine 2023, §4.1).</summary>
public enum ScaleRule
{
    /// <summary>
    /// The differentiability condition (Eq. (5)): only s_0 and the peaks a_0..a_d train; s_1..s_{d−1} follow from them
    /// (<see cref="ReluKernels.Compositional.DifferentiabilityCondition.Scales"/>), the extra peak a_d included.
    /// </summary>
    Differentiable = 0,

    /// <summary>Every scale trains freely beside the peaks ("differentiability not enforced").</summary>
    Free = 1,
}
