using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.State;

/// <summary>
/// The independent units (pairs, models, networks) of a command that a shard runs: r with r mod n = k. Unit r draws from
/// its own stream r of the seed, so what a unit gives does not depend on the split.
/// </summary>
public static class ShardUnits
{
    /// <summary>The units of 0..<paramref name="total"/>−1 that <paramref name="shard"/> runs, ascending.</summary>
    public static int[] Of(int total, Shard shard) => [.. Enumerable.Range(0, total).Where(r => r % shard.Count == shard.Index)];

    /// <summary>
    /// Checks that stored unit indices are units of <paramref name="shard"/> out of <paramref name="total"/>, each once and
    /// ascending; returns whether they are all of them.
    /// </summary>
    /// <param name="indices">The stored indices, in stored order.</param>
    /// <param name="total">Units in the whole run.</param>
    /// <param name="shard">The file's shard.</param>
    /// <param name="what">The units as messages name them, e.g. <c>pair</c>.</param>
    /// <exception cref="ArgumentException">The first index out of range, of another shard, repeated or out of order.</exception>
    public static bool Verify(IEnumerable<int> indices, int total, Shard shard, string what)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int previous = -1, count = 0;
        foreach (int r in indices)
        {
            if (r < 0 || r >= total)
                throw new ArgumentException($"{what} {r} is outside 0..{total - 1}");
            if (r % shard.Count != shard.Index)
                throw new ArgumentException($"{what} {r} does not belong to shard {shard}");
            if (r <= previous)
                throw new ArgumentException($"{what} {r} is repeated or out of order");
            previous = r;
            count++;
        }
        return count == Of(total, shard).Length;
    }
}
