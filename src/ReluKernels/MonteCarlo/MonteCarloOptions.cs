namespace ReluKernels.MonteCarlo;

/// <summary>How much to simulate and how to split it.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>Trials per block: the unit of work, of RNG streams and of checkpoints.</summary>
    public const int DefaultBlockSize = 1 << 14;

    /// <summary>Trials to run; with <see cref="TargetHalfWidth"/>, the most to run.</summary>
    public long Trials { get; init; } = 1_000_000;

    /// <summary>Stop as soon as the collapse estimate's Wilson 95% half-width is at most this (checked after each block, in block order).</summary>
    public double? TargetHalfWidth { get; init; }

    /// <summary>The seed; block b draws from the counter-based stream (Seed, b).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads. The counts do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Which part of the blocks to run.</summary>
    public Shard Shard { get; init; } = Shard.Whole;

    /// <summary>Trials per block.</summary>
    public int BlockSize { get; init; } = DefaultBlockSize;

    /// <summary>Blocks in the run: ⌈Trials / BlockSize⌉.</summary>
    public long TotalBlocks => (Trials + BlockSize - 1) / BlockSize;

    /// <summary>Trials in global block <paramref name="block"/> (the last block may be partial).</summary>
    public int TrialsInBlock(long block) => (int)Math.Min(BlockSize, Trials - block * BlockSize);

    /// <summary>
    /// Trials in the first <paramref name="count"/> blocks of <see cref="Shard"/> (0 ≤ count ≤ its block count): every
    /// block is full except perhaps the run's last, so this is closed-form however many blocks there are.
    /// </summary>
    public long TrialsInShardBlocks(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Shard.BlockCount(TotalBlocks));
        if (count == 0)
            return 0;
        long last = TotalBlocks - 1;
        return count * BlockSize - (Shard.BlockAt(count - 1) == last ? BlockSize - TrialsInBlock(last) : 0);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Trials < 1)
            throw new ArgumentOutOfRangeException(nameof(Trials), Trials, "The number of trials must be positive.");
        if (TargetHalfWidth is { } h && !(h > 0 && h < 0.5))
            throw new ArgumentOutOfRangeException(nameof(TargetHalfWidth), h, "The target half-width must be in (0, 0.5).");
        if (Threads < 1)
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "At least one thread is needed.");
        if (BlockSize < 1)
            throw new ArgumentOutOfRangeException(nameof(BlockSize), BlockSize, "A block holds at least one trial.");
        if (TargetHalfWidth is not null && !Shard.IsWhole)
            throw new ArgumentException("A target half-width cannot be combined with shards: each shard would stop on its own counts.");
    }
}
