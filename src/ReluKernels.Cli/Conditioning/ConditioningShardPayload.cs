using ReluKernels.Conditioning;

namespace ReluKernels.Cli.Conditioning;

/// <summary>
/// The payload of a <c>conditioning</c> shard file: the shard's networks, by increasing index. Their kernels are stored
/// whole because the summaries (condition numbers, entry means with standard errors) are not sums of per-shard parts.
/// </summary>
/// <param name="Networks">The networks i with i mod n = k: K̂ (and Θ̂) at every depth 1..L.</param>
/// <param name="Widths">Per width of <c>--widths</c> (distinct, ascending), the same networks at that width: K̂ at depth L only.</param>
public sealed record ConditioningShardPayload(IReadOnlyList<NetworkKernels> Networks, IReadOnlyList<IReadOnlyList<NetworkKernels>> Widths);
