namespace ReluKernels.Degeneracy;

/// <summary>The result of <see cref="ParameterDistance.UpToSymmetries"/>.</summary>
/// <param name="Distance">inf over permutations and positive rescalings of Θ's hidden neurons of |Θ′ − Γ|_∞.</param>
/// <param name="Assignment">Assignment[i] is the neuron of Θ placed on neuron i of Γ by an optimal permutation.</param>
public sealed record SymmetricDistance(double Distance, IReadOnlyList<int> Assignment);
