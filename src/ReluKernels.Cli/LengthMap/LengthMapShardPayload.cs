using System.Text.Json.Serialization;
using ReluKernels.LengthMap;

namespace ReluKernels.Cli.LengthMap;

/// <summary>
/// The payload of a <c>length-map</c> shard file: per (activation, initialiser), in table order, the shard's networks by
/// increasing index. Their lengths are stored whole because the means with intervals are floating-point sums in network
/// order, which no per-shard part can give.
/// </summary>
/// <param name="Runs">One per (activation, initialiser), activations outer.</param>
public sealed record LengthMapShardPayload(IReadOnlyList<LengthMapShardRun> Runs);

/// <summary>The shard's networks of one activation under one initialiser.</summary>
/// <param name="Activation">The activation, as its table row names it.</param>
/// <param name="Init">The initialiser.</param>
/// <param name="Networks">The networks i with i mod n = k, by increasing index.</param>
public sealed record LengthMapShardRun(string Activation, LengthMapInit Init, IReadOnlyList<LengthMapShardNetwork> Networks);

/// <summary>One network's q^1..q^L as a shard file stores it; +∞ and NaN (lengths that overflowed) are written by name, so they round-trip.</summary>
/// <param name="Index">The network index i.</param>
/// <param name="Lengths">q^1..q^L.</param>
public sealed record LengthMapShardNetwork(int Index, [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double[] Lengths)
{
    /// <summary>The stored form of <paramref name="network"/>.</summary>
    public static LengthMapShardNetwork Of(NetworkLengths network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new(network.Index, network.Lengths);
    }

    /// <summary>The library's form.</summary>
    public NetworkLengths ToNetwork() => new(Index, Lengths);
}
