namespace ReluKernels.MonteCarlo.Trainability;

/// <summary>How many networks had k active first-layer neurons, k = 0..width (exact integer counts; they add across blocks).</summary>
public sealed class FirstLayerTally : IBlockTally<FirstLayerTally>
{
    private readonly long[] _active;

    /// <summary>An empty tally for a layer of <paramref name="width"/> neurons.</summary>
    public FirstLayerTally(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        _active = new long[width + 1];
    }

    /// <summary>
    /// The tally with histogram <paramref name="activeHistogram"/> (entry k: networks with k active neurons, so the width is
    /// its length − 1), e.g. read back from a checkpoint.
    /// </summary>
    /// <exception cref="ArgumentException">No entries, or a negative count.</exception>
    public static FirstLayerTally FromCounts(ReadOnlySpan<long> activeHistogram)
    {
        if (activeHistogram.Length < 2)
            throw new ArgumentException("The histogram needs an entry for 0 and for at least one active neuron.", nameof(activeHistogram));
        var tally = new FirstLayerTally(activeHistogram.Length - 1);
        for (int k = 0; k < activeHistogram.Length; k++)
        {
            if (activeHistogram[k] < 0)
                throw new ArgumentException($"Negative count {activeHistogram[k]} of networks with {k} active neurons.", nameof(activeHistogram));
            tally._active[k] = activeHistogram[k];
            tally.Trials = checked(tally.Trials + activeHistogram[k]);
        }
        return tally;
    }

    /// <summary>Neurons per network.</summary>
    public int Width => _active.Length - 1;

    /// <inheritdoc/>
    public long Trials { get; private set; }

    /// <summary><c>ActiveHistogram[k]</c>: networks with exactly k active neurons.</summary>
    public ReadOnlySpan<long> ActiveHistogram => _active;

    /// <summary>Dead neurons over all networks (Σ_k (n − k)·count_k); their fraction of Trials·Width estimates p̂.</summary>
    public long DeadNeurons
    {
        get
        {
            long dead = 0;
            for (int k = 0; k < _active.Length; k++)
                dead += (Width - k) * _active[k];
            return dead;
        }
    }

    /// <summary>Networks with at least <paramref name="required"/> active neurons (trainable in the sense of Shin &amp; Karniadakis 2020, Definition 2).</summary>
    public long AtLeast(int required)
    {
        long count = 0;
        for (int k = Math.Max(required, 0); k < _active.Length; k++)
            count += _active[k];
        return count;
    }

    /// <summary>Counts one network with <paramref name="active"/> active neurons.</summary>
    public void Record(int active)
    {
        _active[active]++;
        Trials++;
    }

    /// <inheritdoc/>
    public void Add(FirstLayerTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Width != Width)
            throw new ArgumentException($"Cannot add a width-{other.Width} tally to a width-{Width} one.", nameof(other));
        for (int k = 0; k < _active.Length; k++)
            _active[k] += other._active[k];
        Trials += other.Trials;
    }

    /// <inheritdoc/>
    public void Clear()
    {
        Array.Clear(_active);
        Trials = 0;
    }
}
