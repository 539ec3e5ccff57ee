using ReluKernels.LengthMap;

namespace ReluKernels.Experiments;

/// <summary>The result of <c>relukernels length-map</c>: the settings and one run per (activation, initialiser).</summary>
/// <param name="Width">Neurons per layer N (and input dimension; q⁰ = 1).</param>
/// <param name="Depth">Layers L.</param>
/// <param name="BiasStd">σ_b.</param>
/// <param name="Trials">Random networks per run.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Runs">Activations in the order asked, each under He, LeCun and Glorot (or the one asked).</param>
public sealed record LengthMapReport(int Width, int Depth, double BiasStd, int Trials, ulong Seed, IReadOnlyList<LengthMapRun> Runs);
