namespace ReluKernels.MonteCarlo.Trainability;

/// <summary>Draws first layers of one <see cref="FirstLayerExperiment"/> and counts their active neurons. One per thread; allocation-free after construction.</summary>
public sealed class FirstLayerSampler
{
    private readonly FirstLayerExperiment _experiment;
    private readonly double[] _weights;
    private readonly double[] _biases;

    /// <summary>Creates a sampler with scratch space for <paramref name="experiment"/>.</summary>
    public FirstLayerSampler(FirstLayerExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        _experiment = experiment;
        _weights = new double[experiment.Width * experiment.InputDim];
        _biases = new double[experiment.Width];
    }

    /// <summary>Draws <paramref name="trials"/> layers from <paramref name="rng"/> and records each one's active count.</summary>
    public void Run(ref CounterRng rng, int trials, FirstLayerTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        int d = _experiment.InputDim;
        double r = _experiment.Radius;
        for (int t = 0; t < trials; t++)
        {
            _experiment.Initializer.DrawLayer<double>(_experiment.Shape, _weights, _biases, ref rng);
            int active = 0;
            for (int j = 0; j < _biases.Length; j++)
            {
                var w = _weights.AsSpan(j * d, d);
                double norm2 = 0;
                foreach (double x in w)
                    norm2 += x * x;
                // max over the closed ball of wᵀx + b is b + r‖w‖: the neuron is dead iff that is ≤ 0.
                if (_biases[j] + r * Math.Sqrt(norm2) > 0)
                    active++;
            }
            tally.Record(active);
        }
    }

    /// <summary>Runs the experiment over all cores (reproducibly; see <see cref="BlockRunner"/>).</summary>
    /// <param name="experiment">What to simulate.</param>
    /// <param name="options">Trials, seed, threads and block size.</param>
    /// <param name="afterRound">Told the number of blocks done after each round (progress).</param>
    /// <param name="cancellation">Stops the run between rounds.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired.</exception>
    public static FirstLayerTally Simulate(FirstLayerExperiment experiment, MonteCarloOptions options,
        Action<long>? afterRound = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var total = new FirstLayerTally(experiment.Width);
        if (!Continue(experiment, options, total, 0, afterRound, cancellation).Complete)
            throw new OperationCanceledException(cancellation);
        return total;
    }

    /// <summary>
    /// Adds the shard's blocks from <paramref name="blocksDone"/> on into <paramref name="total"/> (a run resumed from a
    /// checkpoint, or a new one), until all are done or <paramref name="cancellation"/> fires (see <see cref="BlockRunner.Run"/>).
    /// </summary>
    /// <returns>The shard's blocks now in <paramref name="total"/>, and whether the run is finished.</returns>
    public static (long BlocksDone, bool Complete) Continue(FirstLayerExperiment experiment, MonteCarloOptions options, FirstLayerTally total, long blocksDone,
        Action<long>? afterRound = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return BlockRunner.Run(options, total, blocksDone, () => new FirstLayerSampler(experiment), () => new FirstLayerTally(experiment.Width),
            static (sampler, ref rng, trials, tally) => sampler.Run(ref rng, trials, tally), afterRound: afterRound, cancellation: cancellation);
    }
}
