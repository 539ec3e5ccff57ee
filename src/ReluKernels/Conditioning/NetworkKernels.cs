namespace ReluKernels.Conditioning;

/// <summary>
/// What one random network of a conditioning simulation gives (the sample step of <see cref="ConditioningSimulation"/>):
/// its empirical kernels at the depths kept, each an n × n block, row-major, in depth order.
/// </summary>
/// <param name="Index">The network's index i; it drew from stream i of the seed.</param>
/// <param name="Kernels">K̂^(h) for each depth kept.</param>
/// <param name="Tangents">Θ̂^(h) for the same depths; null when the NTK was not simulated.</param>
public sealed record NetworkKernels(int Index, double[] Kernels, double[]? Tangents);
