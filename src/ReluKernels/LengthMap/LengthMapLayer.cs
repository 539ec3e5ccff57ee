using ReluKernels.Statistics;

namespace ReluKernels.LengthMap;

/// <summary>One layer of a length-map run: the recursion beside the simulated mean of q^l.</summary>
/// <param name="Layer">l, 1..L.</param>
/// <param name="WeightVariance">σ_w,l² = fan_in · Var(W^l).</param>
/// <param name="Recursion">E[q^l] by the recursion (Lu, Su &amp; Karniadakis 2019, Eqs. (2)–(3)).</param>
/// <param name="Simulated">Mean of q^l over the networks with its 95% interval; null when some network's q^l was not finite.</param>
public sealed record LengthMapLayer(int Layer, double WeightVariance, double Recursion, MeanEstimate? Simulated);

/// <summary>The length map of one activation under one initialiser.</summary>
/// <param name="Activation">The activation, with its parameters.</param>
/// <param name="Init">The weight initialiser.</param>
/// <param name="RecursionExact">Whether the recursion is exact at every width (ReLU, leaky ReLU) rather than the infinite-width approximation.</param>
/// <param name="FixedPoint">The fixed point the hidden layers' map reaches from E[q^1]; null when the lengths explode or do not settle within <see cref="Theory.LengthMap.MaxFixedPointIterations"/> layers.</param>
/// <param name="Layers">One per layer 1..L.</param>
public sealed record LengthMapRun(string Activation, LengthMapInit Init, bool RecursionExact, double? FixedPoint, IReadOnlyList<LengthMapLayer> Layers);
