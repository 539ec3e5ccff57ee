namespace ReluKernels.MonteCarlo.Trainability;

/// <summary>
/// Simulates E_X[q(x)] = (1/m) Σ_k E[N(x_k)²] of shallow networks (one output) at their training inputs x_1..x_m: each
/// trial draws a network with the given initializer, evaluates it at every x_k and records (1/m) Σ_k N(x_k)². The mean
/// over trials estimates Shin &amp; Karniadakis's E_X[q(x)] (§4.1, Theorem 10). One per thread; allocation-free after construction.
/// </summary>
public sealed class SecondMomentSampler
{
    private readonly NetworkArchitecture _architecture;
    private readonly IInitializer _initializer;
    private readonly GenericNetwork<double> _network;
    private readonly double[] _inputs;
    private readonly double[] _parameters;
    private readonly double[] _outputs;

    /// <summary>Creates a sampler.</summary>
    /// <param name="points">Training inputs, feature-major (coordinate k of point j at <c>k·m + j</c>).</param>
    /// <param name="architecture">A shallow network (depth 1, one output) whose input dimension matches the points.</param>
    /// <param name="initializer">Draws each network (e.g. a <see cref="DataDependentInitializer"/> for the same points).</param>
    /// <exception cref="ArgumentException">The architecture is not shallow with one output, or the points do not match it.</exception>
    public SecondMomentSampler(ReadOnlySpan<double> points, NetworkArchitecture architecture, IInitializer initializer)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        if (architecture.Depth != 1 || architecture.OutputDim != 1)
            throw new ArgumentException($"Expected a shallow network with one output, got {architecture}.", nameof(architecture));
        if (points.IsEmpty || points.Length % architecture.InputDim != 0)
            throw new ArgumentException($"Expected d·m coordinates with d = {architecture.InputDim}, got {points.Length}.", nameof(points));
        _architecture = architecture;
        _initializer = initializer;
        _network = new GenericNetwork<double>(architecture);
        _inputs = points.ToArray();
        _parameters = new double[architecture.ParameterCount];
        _outputs = new double[points.Length / architecture.InputDim];
    }

    /// <summary>Draws <paramref name="trials"/> networks from <paramref name="rng"/> and records each one's mean squared output over the points.</summary>
    public void Run(ref CounterRng rng, int trials, MeanTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        for (int t = 0; t < trials; t++)
        {
            _initializer.Initialize(_architecture, _parameters, ref rng);
            _network.Forward(_parameters, _inputs, _outputs);
            double sum = 0;
            foreach (double y in _outputs)
                sum += y * y;
            tally.Record(sum / _outputs.Length);
        }
    }

    /// <summary>Runs the simulation over all cores (reproducibly; see <see cref="BlockRunner"/>).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired.</exception>
    public static MeanTally Simulate(ReadOnlySpan<double> points, NetworkArchitecture architecture, IInitializer initializer,
        MonteCarloOptions options, CancellationToken cancellation = default)
    {
        var copy = points.ToArray();
        _ = new SecondMomentSampler(copy, architecture, initializer); // validates before any thread starts
        return BlockRunner.RunAll(options, () => new SecondMomentSampler(copy, architecture, initializer), () => new MeanTally(),
            static (sampler, ref rng, trials, tally) => sampler.Run(ref rng, trials, tally), cancellation: cancellation);
    }
}
