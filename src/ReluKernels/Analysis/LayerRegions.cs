namespace ReluKernels.Analysis;

/// <summary>The linear pieces of one layer's output (all its neurons jointly) on an interval.</summary>
/// <param name="Regions">Maximal intervals on which the layer's output is affine: <c>Breakpoints.Count + 1</c>.</param>
/// <param name="Breakpoints">The points, strictly inside the interval and sorted ascending, at which some neuron changes slope.</param>
public sealed record LayerRegions(int Regions, IReadOnlyList<double> Breakpoints);
