namespace ReluKernels.Training;

/// <summary>
/// The epoch losses of one training, every <see cref="Interval"/> epochs (epochs k, 2k, 3k, …), in storage allocated at
/// construction so that recording allocates nothing.
/// </summary>
public sealed class LossHistory
{
    private readonly int[] _epochs;
    private readonly double[] _losses;

    /// <summary>Room for a training of up to <paramref name="maxEpochs"/> epochs, recorded every <paramref name="interval"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is less than 1.</exception>
    public LossHistory(int interval, int maxEpochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEpochs, 1);
        Interval = interval;
        MaxEpochs = maxEpochs;
        _epochs = new int[maxEpochs / interval];
        _losses = new double[maxEpochs / interval];
    }

    /// <summary>
    /// The history that recording <paramref name="losses"/> at epochs k, 2k, … (k = <paramref name="interval"/>) would have
    /// made: how a stored history is read back.
    /// </summary>
    /// <exception cref="ArgumentException">More losses than <paramref name="maxEpochs"/> epochs hold.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> or <paramref name="maxEpochs"/> is less than 1.</exception>
    public static LossHistory FromLosses(int interval, int maxEpochs, ReadOnlySpan<double> losses)
    {
        var history = new LossHistory(interval, maxEpochs);
        if (losses.Length > history._losses.Length)
            throw new ArgumentException($"{losses.Length} losses do not fit {maxEpochs} epochs recorded every {interval}.", nameof(losses));
        for (int i = 0; i < losses.Length; i++)
            history.Offer((i + 1) * interval, losses[i]);
        return history;
    }

    /// <summary>Epochs between records.</summary>
    public int Interval { get; }

    /// <summary>The longest training this history can hold.</summary>
    public int MaxEpochs { get; }

    /// <summary>Records held.</summary>
    public int Count { get; private set; }

    /// <summary>The epoch of each record (1-based epochs).</summary>
    public ReadOnlySpan<int> Epochs => _epochs.AsSpan(0, Count);

    /// <summary>The epoch loss of each record (see <see cref="Trainer{TKernel, T}.Train"/> for what an epoch loss is).</summary>
    public ReadOnlySpan<double> Losses => _losses.AsSpan(0, Count);

    /// <summary>Empties the history.</summary>
    public void Clear() => Count = 0;

    /// <summary>Records <paramref name="loss"/> if <paramref name="epoch"/> is a multiple of <see cref="Interval"/>.</summary>
    internal void Offer(int epoch, double loss)
    {
        if (epoch % Interval != 0)
            return;
        _epochs[Count] = epoch;
        _losses[Count] = loss;
        Count++;
    }
}
