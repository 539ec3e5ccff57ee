using ReluKernels.Degeneracy.Examples;

namespace ReluKernels.Cli.Degeneracy;

/// <summary>The payload of a <c>degeneracy</c> shard file: the shard's measured pairs, by increasing index.</summary>
/// <param name="Pairs">The pairs p with p mod n = k.</param>
public sealed record DegeneracyShardPayload(IReadOnlyList<RestrictedSpacePair> Pairs);
