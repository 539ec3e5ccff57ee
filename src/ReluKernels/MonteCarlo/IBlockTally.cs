namespace ReluKernels.MonteCarlo;

/// <summary>
/// Counts (or sums) of one or more blocks of trials. <see cref="BlockRunner"/> gives each block a cleared tally and adds
/// the blocks into the total in block order, so the total depends only on the seed and the blocks run.
/// </summary>
/// <typeparam name="TSelf">The tally type itself.</typeparam>
public interface IBlockTally<TSelf> where TSelf : IBlockTally<TSelf>
{
    /// <summary>Trials counted so far.</summary>
    long Trials { get; }

    /// <summary>Adds <paramref name="other"/>'s counts to this tally.</summary>
    void Add(TSelf other);

    /// <summary>Resets to the empty tally.</summary>
    void Clear();
}

/// <summary>Runs <paramref name="trials"/> trials of one block from <paramref name="rng"/> into <paramref name="tally"/>.</summary>
/// <typeparam name="TWorker">Per-thread scratch state (engines, buffers), reused across blocks.</typeparam>
/// <typeparam name="TTally">The block's tally (cleared before the call).</typeparam>
public delegate void BlockWork<in TWorker, in TTally>(TWorker worker, ref CounterRng rng, int trials, TTally tally);
