using ReluKernels.Conditioning;

namespace ReluKernels.Experiments;

/// <summary>
/// The result of <c>relukernels conditioning</c>: the data set, the activation, and per depth the infinite-width theory
/// beside the finite-width simulation, with the optional width-convergence measurement.
/// </summary>
/// <param name="Activation">The activation as simulated (its normalised form).</param>
/// <param name="NonLinearity">Its coefficient of non-linearity μ.</param>
/// <param name="Inputs">n.</param>
/// <param name="Dimension">d.</param>
/// <param name="Separation">δ = min_{i≠j} (1 − |⟨xᵢ, xⱼ⟩|) of the data set actually used.</param>
/// <param name="SmallestGramEigenvalue">λ_min of the Gram matrix (Assumption B).</param>
/// <param name="Width">Simulated width.</param>
/// <param name="Networks">Networks per width.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Depths">One per depth 1..L.</param>
/// <param name="Convergence">Error vs width at the largest depth; null unless widths were asked for.</param>
public sealed record ConditioningReport(string Activation, double NonLinearity, int Inputs, int Dimension, double Separation, double SmallestGramEigenvalue,
    int Width, int Networks, ulong Seed, IReadOnlyList<ConditioningDepth> Depths, WidthConvergence? Convergence);
