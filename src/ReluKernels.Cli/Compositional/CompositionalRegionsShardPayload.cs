namespace ReluKernels.Cli.Compositional;

/// <summary>
/// The payload of a <c>compositional-regions</c> shard file: the initialisers in table order and the shard's networks by
/// increasing index. Counts are stored per network rather than summed, because the medians and quartiles of the table
/// are not sums of per-shard parts.
/// </summary>
/// <param name="Initializers">The initialisers' table names, in table order.</param>
/// <param name="Networks">The networks n with n mod shards = k.</param>
public sealed record CompositionalRegionsShardPayload(IReadOnlyList<string> Initializers, IReadOnlyList<RegionCountsState> Networks);

/// <summary>One random network's exact output region counts, per initialiser and depth (the same n draws every one).</summary>
/// <param name="Index">The network index n; each of its networks drew from stream n of the seed.</param>
/// <param name="Counts">Per initialiser (table order), the count at depths 1..d.</param>
public sealed record RegionCountsState(int Index, IReadOnlyList<IReadOnlyList<int>> Counts);
