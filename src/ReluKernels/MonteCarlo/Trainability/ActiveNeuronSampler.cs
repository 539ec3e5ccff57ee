using ReluKernels.Analysis;

namespace ReluKernels.MonteCarlo.Trainability;

/// <summary>
/// Draws networks of one <see cref="ActiveNeuronExperiment"/> and classifies every hidden neuron exactly with a
/// <see cref="PiecewiseLinearPropagator"/>. One per thread; allocation-free after construction (the propagator reserves
/// room for 4096 breakpoints, far more than networks of these widths produce).
/// </summary>
public sealed class ActiveNeuronSampler
{
    private const int PointCapacity = 4096;

    private readonly ActiveNeuronExperiment _experiment;
    private readonly PiecewiseLinearPropagator _propagator;
    private readonly double[] _weights;
    private readonly double[] _biases;
    private readonly int[] _active;
    private readonly int[] _permanent;
    private readonly int[] _required;

    /// <summary>Creates a sampler with scratch space for <paramref name="experiment"/>.</summary>
    public ActiveNeuronSampler(ActiveNeuronExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        _experiment = experiment;
        int maxWidth = experiment.HiddenWidths.Max();
        _propagator = new PiecewiseLinearPropagator(maxWidth, PointCapacity);
        _weights = new double[maxWidth * maxWidth];
        _biases = new double[maxWidth];
        _active = new int[experiment.Depth];
        _permanent = new int[experiment.Depth];
        _required = experiment.Required?.ToArray() ?? [];
    }

    /// <summary>Draws <paramref name="trials"/> networks from <paramref name="rng"/> (layers in order, each by its initializer) and records each.</summary>
    public void Run(ref CounterRng rng, int trials, ActiveNeuronTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        for (int trial = 0; trial < trials; trial++)
        {
            _propagator.Start(_experiment.Radius);
            for (int layer = 1; layer <= _experiment.Depth; layer++)
            {
                var shape = _experiment.Shape(layer);
                var weights = _weights.AsSpan(0, shape.FanOut * shape.FanIn);
                var biases = _biases.AsSpan(0, shape.FanOut);
                _experiment.Initializers[layer - 1].DrawLayer<double>(shape, weights, biases, ref rng);
                _propagator.ApplyLayer(weights, biases, shape.FanOut, relu: true);
                int active = 0, permanent = 0;
                for (int j = 0; j < shape.FanOut; j++)
                {
                    if (_propagator.StateOf(j) == NeuronState.Active)
                        active++;
                    else if (layer == 1 || PermanentDeath.HasNonPositiveParameters(weights.Slice(j * shape.FanIn, shape.FanIn), biases[j]))
                        permanent++;
                }
                _active[layer - 1] = active;
                _permanent[layer - 1] = permanent;
            }
            tally.Record(_active, _permanent, _required);
        }
    }

    /// <summary>Runs the experiment over all cores (reproducibly; see <see cref="BlockRunner"/>).</summary>
    /// <param name="experiment">What to simulate.</param>
    /// <param name="options">Trials, seed, threads and block size.</param>
    /// <param name="afterRound">Told the number of blocks done after each round (progress).</param>
    /// <param name="cancellation">Stops the run between rounds.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired.</exception>
    public static ActiveNeuronTally Simulate(ActiveNeuronExperiment experiment, MonteCarloOptions options,
        Action<long>? afterRound = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var total = new ActiveNeuronTally(experiment.HiddenWidths);
        if (!Continue(experiment, options, total, 0, afterRound, cancellation).Complete)
            throw new OperationCanceledException(cancellation);
        return total;
    }

    /// <summary>
    /// Adds the shard's blocks from <paramref name="blocksDone"/> on into <paramref name="total"/> (a run resumed from a
    /// checkpoint, or a new one), until all are done or <paramref name="cancellation"/> fires (see <see cref="BlockRunner.Run"/>).
    /// </summary>
    /// <returns>The shard's blocks now in <paramref name="total"/>, and whether the run is finished.</returns>
    public static (long BlocksDone, bool Complete) Continue(ActiveNeuronExperiment experiment, MonteCarloOptions options, ActiveNeuronTally total, long blocksDone,
        Action<long>? afterRound = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return BlockRunner.Run(options, total, blocksDone, () => new ActiveNeuronSampler(experiment), () => new ActiveNeuronTally(experiment.HiddenWidths),
            static (sampler, ref rng, trials, tally) => sampler.Run(ref rng, trials, tally), afterRound: afterRound, cancellation: cancellation);
    }
}
