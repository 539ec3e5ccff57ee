namespace ReluKernels.MonteCarlo;

/// <summary>
/// Integer counts of a collapse run over networks of <see cref="Depth"/> hidden layers, kept per layer so that the same
/// networks also answer for every shallower depth: the network of depth d is the first d layers of the deeper one.
/// Counts add exactly, so blocks, threads, shards and resumed runs combine into the numbers of one uninterrupted run.
/// </summary>
public sealed class CollapseTally : IBlockTally<CollapseTally>
{
    // Index l = 1..Depth counts networks first dead at layer l; index 0 is never written, and index Depth + 1 is a discard
    // slot for survivors, so that Record needs no data-dependent branch (mispredicted branches were a large part of a
    // width-3 trial's cost when the function-space engine still recorded networks one by one; the weight-space engine
    // still does).
    private readonly long[] _firstDeadLayer;
    // Difference array of "hidden layer d is zero at the probe": count(d) = Σ_{l ≤ d} _zeroDelta[l]. A run of zero layers
    // l..m costs two updates, so a network that dies at layer 3 of 5000 does not pay for 4997 increments. Index 0 is a
    // discard slot for networks never zero at the probe, for the same reason as above.
    private readonly long[] _zeroDelta;

    /// <summary>An empty tally for networks of <paramref name="depth"/> hidden layers.</summary>
    public CollapseTally(int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        _firstDeadLayer = new long[depth + 2];
        _zeroDelta = new long[depth + 2];
    }

    /// <summary>Hidden layers of the networks counted.</summary>
    public int Depth => _firstDeadLayer.Length - 2;

    /// <summary>Networks drawn.</summary>
    public long Trials { get; private set; }

    /// <summary>Networks with some hidden layer identically zero on Ω.</summary>
    public long Collapsed => CollapsedByDepth(Depth);

    /// <summary>Networks whose last hidden layer is the zero vector at the probe input.</summary>
    public long ZeroAtProbe => ZeroAtProbeAt(Depth);

    /// <summary>
    /// <c>FirstDeadLayer[l]</c> (l = 1..Depth) counts networks whose first identically-zero hidden layer is l; index 0 is
    /// unused. The networks of depth d that collapse are those with first dead layer ≤ d.
    /// </summary>
    public ReadOnlySpan<long> FirstDeadLayer => _firstDeadLayer.AsSpan(0, Depth + 1);

    /// <summary>Counts one network: its first identically-zero layer (0 if none) and the layer from which on it is zero at the probe (0 if never).</summary>
    /// <remarks>Without biases zero is absorbing, so "zero at the probe" is always a final run of layers.</remarks>
    public void Record(int firstDeadLayer, int zeroAtProbeFrom)
    {
        Trials++;
        int survivors = _firstDeadLayer.Length - 1;
        _firstDeadLayer[firstDeadLayer > 0 ? firstDeadLayer : survivors]++;
        _zeroDelta[zeroAtProbeFrom]++;
    }

    /// <summary>Counts <paramref name="networks"/> drawn networks whose layers the engine records in bulk with <see cref="AddFirstDead"/> and <see cref="AddZeroAtProbeFrom"/>.</summary>
    internal void AddTrials(int networks) => Trials += networks;

    /// <summary>Counts <paramref name="networks"/> of the drawn networks as first dead at <paramref name="layer"/> (1..Depth).</summary>
    internal void AddFirstDead(int layer, long networks) => _firstDeadLayer[layer] += networks;

    /// <summary>Counts <paramref name="networks"/> of the drawn networks as zero at the probe from <paramref name="layer"/> (1..Depth) on.</summary>
    internal void AddZeroAtProbeFrom(int layer, long networks) => _zeroDelta[layer] += networks;

    /// <summary>Marks hidden layer <paramref name="layer"/> of the network about to be <see cref="Record"/>ed as zero at the probe (with biases zero need not persist).</summary>
    public void MarkZeroAtProbe(int layer)
    {
        _zeroDelta[layer]++;
        _zeroDelta[layer + 1]--;
    }

    /// <summary>Networks whose hidden layer <paramref name="depth"/> is zero at the probe.</summary>
    public long ZeroAtProbeAt(int depth) => SumThrough(_zeroDelta, depth);

    /// <summary>Networks of the shallower depth <paramref name="depth"/> that collapse.</summary>
    public long CollapsedByDepth(int depth) => SumThrough(_firstDeadLayer, depth);

    /// <summary>Σ_{l = 1..depth} counts[l], for 1 ≤ depth ≤ <see cref="Depth"/>.</summary>
    private long SumThrough(long[] counts, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, Depth);
        long sum = 0;
        for (int l = 1; l <= depth; l++)
            sum += counts[l];
        return sum;
    }

    /// <summary>The counts of the same networks cut to their first <paramref name="depth"/> layers.</summary>
    public CollapseTally Truncate(int depth)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, Depth);
        var cut = new CollapseTally(depth) { Trials = Trials };
        _firstDeadLayer.AsSpan(0, depth + 1).CopyTo(cut._firstDeadLayer);
        _zeroDelta.AsSpan(0, depth + 1).CopyTo(cut._zeroDelta);
        cut._zeroDelta[depth + 1] = -cut.ZeroAtProbeAt(depth);
        return cut;
    }

    /// <summary>Adds <paramref name="other"/>'s counts.</summary>
    public void Add(CollapseTally other)
    {
        if (other.Depth != Depth)
            throw new ArgumentException($"Cannot add a tally of depth {other.Depth} to one of depth {Depth}.", nameof(other));
        Trials += other.Trials;
        for (int l = 0; l < _firstDeadLayer.Length; l++)
            _firstDeadLayer[l] += other._firstDeadLayer[l];
        for (int l = 0; l < _zeroDelta.Length; l++)
            _zeroDelta[l] += other._zeroDelta[l];
    }

    /// <summary>Sets every count to zero.</summary>
    public void Clear()
    {
        Trials = 0;
        Array.Clear(_firstDeadLayer);
        Array.Clear(_zeroDelta);
    }

    /// <summary>Per depth d = 1..Depth, the networks whose layer d is zero at the probe (entry d − 1).</summary>
    public long[] ZeroAtProbeByDepth()
    {
        var counts = new long[Depth];
        long sum = 0;
        for (int l = 1; l <= Depth; l++)
            counts[l - 1] = sum += _zeroDelta[l];
        return counts;
    }

    /// <summary>Rebuilds a tally from stored counts (checkpoints and shard files) and checks that they are consistent.</summary>
    /// <param name="trials">Networks drawn.</param>
    /// <param name="firstDeadLayer">Per layer l = 1..Depth (entry l − 1), networks whose first dead layer is l.</param>
    /// <param name="zeroAtProbeByDepth">Per depth d = 1..Depth (entry d − 1), networks zero at the probe at layer d.</param>
    public static CollapseTally FromCounts(long trials, ReadOnlySpan<long> firstDeadLayer, ReadOnlySpan<long> zeroAtProbeByDepth)
    {
        if (firstDeadLayer.Length < 1 || zeroAtProbeByDepth.Length != firstDeadLayer.Length)
            throw new ArgumentException("The per-layer counts must both have one entry per hidden layer.");
        if (trials < 0)
            throw new ArgumentException($"Negative trial count {trials}.", nameof(trials));
        var tally = new CollapseTally(firstDeadLayer.Length) { Trials = trials };
        long previous = 0;
        for (int l = 1; l <= tally.Depth; l++)
        {
            long dead = firstDeadLayer[l - 1], zero = zeroAtProbeByDepth[l - 1];
            if (dead < 0 || zero < 0 || zero > trials)
                throw new ArgumentException($"Invalid counts at layer {l}: {dead} first dead, {zero} zero at the probe, of {trials}.");
            tally._firstDeadLayer[l] = dead;
            tally._zeroDelta[l] = zero - previous;
            previous = zero;
        }
        tally._zeroDelta[tally.Depth + 1] = -previous;
        if (tally.Collapsed > trials)
            throw new ArgumentException($"More collapsed networks ({tally.Collapsed}) than trials ({trials}).");
        return tally;
    }
}
