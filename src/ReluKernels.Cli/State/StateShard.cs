using System.Text.Json.Serialization;

namespace ReluKernels.Cli.State;

/// <summary>Which part of a run's blocks a state file counts: shard <see cref="Index"/> of <see cref="Count"/> (0 of 1 for a whole run).</summary>
/// <param name="Index">0-based shard index.</param>
/// <param name="Count">Number of shards.</param>
public sealed record StateShard(int Index, int Count)
{
    /// <summary>Whether 0 ≤ <see cref="Index"/> &lt; <see cref="Count"/>.</summary>
    [JsonIgnore]
    public bool IsValid => Count >= 1 && Index >= 0 && Index < Count;

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
