namespace ReluKernels.Training;

/// <summary>How many independent trainings <see cref="ParallelTraining"/> runs, from which seed, on how many threads. Validated when set.</summary>
public sealed record ParallelTrainingOptions
{
    /// <summary>The seed: run r draws its initial parameters from <c>CounterRng(Seed, r)</c> (see <see cref="ParallelTraining"/>).</summary>
    public required ulong Seed { get; init; }

    /// <summary>Number of trainings, at least 1.</summary>
    public required int Runs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Runs));
            field = value;
        }
    }

    /// <summary>Worker threads; 0 (the default) uses every core. Results do not depend on it.</summary>
    public int Threads
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(Threads));
            field = value;
        }
    }

    /// <summary>Record each run's epoch loss every this many epochs (a <see cref="LossHistory"/> per run); 0 (the default) records none.</summary>
    public int HistoryInterval
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(HistoryInterval));
            field = value;
        }
    }

    /// <summary>
    /// Only runs r &lt; this record a loss history (default: every run). Histories are most of a run's memory, so a large batch
    /// keeps them for a sample of fixed size — the first runs, which are a random sample like any other.
    /// </summary>
    public int HistoryRuns
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(HistoryRuns));
            field = value;
        }
    } = int.MaxValue;

    /// <summary>The number of threads that will run: <see cref="Threads"/>, or the processor count when it is 0.</summary>
    public int EffectiveThreads => Threads == 0 ? Environment.ProcessorCount : Threads;
}
