namespace ReluKernels.MonteCarlo.Trainability;

/// <summary>
/// Counts of an <see cref="ActiveNeuronExperiment"/>: per hidden layer the distribution of active and of permanently
/// dead neurons, the joint distribution of the first two layers' active counts (for the transition matrix P₂ of Shin &amp; Karniadakis (2020)
/// Lemma 14), and how many networks were trainable. Exact integer counts; they add across blocks.
/// </summary>
public sealed class ActiveNeuronTally : IBlockTally<ActiveNeuronTally>
{
    private readonly int[] _widths;
    private readonly long[][] _active;
    private readonly long[][] _permanent;
    private readonly long[] _firstTwo;

    /// <summary>An empty tally for hidden layers of widths <paramref name="hiddenWidths"/>.</summary>
    public ActiveNeuronTally(IReadOnlyList<int> hiddenWidths)
    {
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        if (hiddenWidths.Count < 1)
            throw new ArgumentException("At least one hidden layer is needed.", nameof(hiddenWidths));
        _widths = hiddenWidths.ToArray();
        _active = _widths.Select(n => new long[n + 1]).ToArray();
        _permanent = _widths.Select(n => new long[n + 1]).ToArray();
        _firstTwo = _widths.Length > 1 ? new long[(_widths[0] + 1) * (_widths[1] + 1)] : [];
    }

    /// <summary>
    /// The tally with the given counts (as the accessors return them), e.g. read back from a checkpoint. Every layer's
    /// histograms and the joint first-two-layer histogram must count the same networks, and the event counts at most those.
    /// </summary>
    /// <exception cref="ArgumentException">A shape that does not fit <paramref name="hiddenWidths"/>, a negative count, or counts of different totals.</exception>
    public static ActiveNeuronTally FromCounts(IReadOnlyList<int> hiddenWidths, IReadOnlyList<long[]> active, IReadOnlyList<long[]> permanentlyDead,
        ReadOnlySpan<long> firstTwoLayers, long trainable, long allRequiredActive, long everyLayerActive)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(permanentlyDead);
        var tally = new ActiveNeuronTally(hiddenWidths);
        if (active.Count != tally.Depth || permanentlyDead.Count != tally.Depth || firstTwoLayers.Length != tally._firstTwo.Length)
            throw new ArgumentException($"Counts of {active.Count} and {permanentlyDead.Count} layers and {firstTwoLayers.Length} joint cells do not fit {tally.Depth} hidden layers.");
        long trials = -1;
        void Fill(long[] target, ReadOnlySpan<long> source, string what)
        {
            if (source.Length != target.Length)
                throw new ArgumentException($"{what} has {source.Length} entries, not {target.Length}.");
            long total = 0;
            for (int k = 0; k < source.Length; k++)
            {
                if (source[k] < 0)
                    throw new ArgumentException($"{what} has a negative count.");
                target[k] = source[k];
                total = checked(total + source[k]);
            }
            if (trials >= 0 && total != trials)
                throw new ArgumentException($"{what} counts {total} networks, the first histogram {trials}.");
            trials = total;
        }
        for (int t = 0; t < tally.Depth; t++)
        {
            Fill(tally._active[t], active[t], $"The active histogram of layer {t + 1}");
            Fill(tally._permanent[t], permanentlyDead[t], $"The permanently-dead histogram of layer {t + 1}");
        }
        if (tally._firstTwo.Length > 0)
            Fill(tally._firstTwo, firstTwoLayers, "The joint histogram of layers 1 and 2");
        foreach (long count in new[] { trainable, allRequiredActive, everyLayerActive })
            if (count < 0 || count > trials)
                throw new ArgumentException($"An event count {count} is outside 0..{trials}.");
        (tally.Trials, tally.Trainable, tally.AllRequiredActive, tally.EveryLayerActive) = (trials, trainable, allRequiredActive, everyLayerActive);
        return tally;
    }

    /// <summary>The hidden widths.</summary>
    public IReadOnlyList<int> HiddenWidths => _widths;

    /// <summary>
    /// The joint histogram of the first two layers' active counts, row-major: entry a₁·(n₂ + 1) + a₂ (see
    /// <see cref="FirstTwoLayers"/>); empty for a single hidden layer.
    /// </summary>
    public ReadOnlySpan<long> FirstTwoLayersJoint => _firstTwo;

    /// <summary>Hidden layers.</summary>
    public int Depth => _widths.Length;

    /// <inheritdoc/>
    public long Trials { get; private set; }

    /// <summary>Networks that were trainable (see <see cref="ActiveNeuronExperiment"/>); 0 when no requirement was given.</summary>
    public long Trainable { get; private set; }

    /// <summary>Networks with at least m_t active neurons in every layer t: Shin &amp; Karniadakis 2020, §3.2's event A, a lower bound of trainability.</summary>
    public long AllRequiredActive { get; private set; }

    /// <summary>Networks with at least one active neuron in every hidden layer (no layer entirely dead).</summary>
    public long EveryLayerActive { get; private set; }

    /// <summary><c>Active(t)[k]</c>: networks with exactly k active neurons in hidden layer t (1-based) — the empirical π_t.</summary>
    public ReadOnlySpan<long> Active(int layer) => _active[CheckLayer(layer) - 1];

    /// <summary><c>PermanentlyDead(t)[k]</c>: networks with exactly k permanently dead neurons in hidden layer t (1-based).</summary>
    public ReadOnlySpan<long> PermanentlyDead(int layer) => _permanent[CheckLayer(layer) - 1];

    /// <summary>Networks with exactly <paramref name="active1"/> active neurons in layer 1 and <paramref name="active2"/> in layer 2.</summary>
    /// <exception cref="InvalidOperationException">The networks have a single hidden layer.</exception>
    public long FirstTwoLayers(int active1, int active2)
    {
        if (_widths.Length < 2)
            throw new InvalidOperationException("The networks have a single hidden layer.");
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)active1, (uint)_widths[0], nameof(active1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)active2, (uint)_widths[1], nameof(active2));
        return _firstTwo[active1 * (_widths[1] + 1) + active2];
    }

    /// <summary>Counts one network from its per-layer active and permanently dead counts.</summary>
    public void Record(ReadOnlySpan<int> active, ReadOnlySpan<int> permanentlyDead, ReadOnlySpan<int> required)
    {
        bool trainable = !required.IsEmpty, allRequired = !required.IsEmpty, everyLayer = true;
        for (int t = 0; t < _widths.Length; t++)
        {
            _active[t][active[t]]++;
            _permanent[t][permanentlyDead[t]]++;
            everyLayer &= active[t] >= 1;
            if (!required.IsEmpty)
            {
                allRequired &= active[t] >= required[t];
                trainable &= t == 0 ? active[0] >= required[0] : active[t] >= 1 && permanentlyDead[t] <= _widths[t] - required[t];
            }
        }
        if (_firstTwo.Length > 0)
            _firstTwo[active[0] * (_widths[1] + 1) + active[1]]++;
        Trials++;
        if (trainable) Trainable++;
        if (allRequired) AllRequiredActive++;
        if (everyLayer) EveryLayerActive++;
    }

    /// <inheritdoc/>
    public void Add(ActiveNeuronTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other._widths.AsSpan().SequenceEqual(_widths))
            throw new ArgumentException("Cannot add tallies of different architectures.", nameof(other));
        for (int t = 0; t < _widths.Length; t++)
        {
            AddInto(_active[t], other._active[t]);
            AddInto(_permanent[t], other._permanent[t]);
        }
        AddInto(_firstTwo, other._firstTwo);
        Trials += other.Trials;
        Trainable += other.Trainable;
        AllRequiredActive += other.AllRequiredActive;
        EveryLayerActive += other.EveryLayerActive;
    }

    /// <inheritdoc/>
    public void Clear()
    {
        foreach (var h in _active) Array.Clear(h);
        foreach (var h in _permanent) Array.Clear(h);
        Array.Clear(_firstTwo);
        Trials = Trainable = AllRequiredActive = EveryLayerActive = 0;
    }

    private static void AddInto(long[] target, long[] source)
    {
        for (int i = 0; i < target.Length; i++)
            target[i] += source[i];
    }

    private int CheckLayer(int layer)
    {
        if (layer < 1 || layer > _widths.Length)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layer must be a hidden layer, 1..{_widths.Length}.");
        return layer;
    }
}
