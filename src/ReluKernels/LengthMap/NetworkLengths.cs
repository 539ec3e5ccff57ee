namespace ReluKernels.LengthMap;

/// <summary>
/// What one random network of a length-map simulation gives (the sample step of <see cref="LengthMapSimulation"/>): q^l
/// for every layer.
/// </summary>
/// <param name="Index">The network's index i; it drew from stream i of the seed.</param>
/// <param name="Lengths">q^1..q^L; +∞ or NaN once the network's lengths overflow.</param>
public sealed record NetworkLengths(int Index, double[] Lengths);
