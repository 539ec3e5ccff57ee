using System.Globalization;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Part <see cref="Index"/> of <see cref="Count"/> of a run: the blocks b with b mod Count = Index. Shards are disjoint and
/// together cover every block, so their counts sum exactly to the unsharded run's.
/// </summary>
public readonly record struct Shard
{
    /// <summary>Creates shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    public Shard(int index, int count)
    {
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, "A run has at least one shard.");
        if (index < 0 || index >= count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The shard index must be in 0..{count - 1}.");
        (Index, _count) = (index, count);
    }

    private readonly int _count;

    /// <summary>The whole run.</summary>
    public static Shard Whole => new(0, 1);

    /// <summary>0-based shard index.</summary>
    public int Index { get; }

    /// <summary>Number of shards (at least 1; <c>default</c> is treated as <see cref="Whole"/>).</summary>
    public int Count => _count == 0 ? 1 : _count;

    /// <summary>Whether this is the whole run.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>The number of the <paramref name="totalBlocks"/> blocks that belong to this shard.</summary>
    public long BlockCount(long totalBlocks) => totalBlocks <= Index ? 0 : (totalBlocks - Index + Count - 1) / Count;

    /// <summary>The global index of this shard's <paramref name="ordinal"/>-th block.</summary>
    public long BlockAt(long ordinal) => Index + ordinal * Count;

    /// <summary>Parses "k/n" (0 ≤ k &lt; n).</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || n < 1 || k >= n)
            throw new FormatException($"'{text}' is not a shard: use k/n with 0 ≤ k < n, e.g. 0/4.");
        return new(k, n);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
