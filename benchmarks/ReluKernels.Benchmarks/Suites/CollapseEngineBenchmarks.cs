using System.Globalization;
using BenchmarkDotNet.Attributes;
using ReluKernels.Benchmarks.Baselines;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Benchmarks.Suites;

/// <summary>
/// Monte-Carlo collapse trials (He-normal, no biases, every layer ReLU, exact test at x = ±1). Times are per trial.
/// <see cref="PiecewiseLinearBiased"/> is the exact engine with N(0, 0.5²) biases, the setting of the PyTorch peer's
/// <c>--bias 0.5</c> grid approximation.
/// Single-threaded rows call an engine directly (0 B allocated); AllCores rows go through <see cref="MonteCarloDriver"/>
/// on every core, which allocates its per-run engines and tallies once per call, never per trial.
/// </summary>
[Config(typeof(MonteCarloBenchmarkConfig))]
public class CollapseEngineBenchmarks
{
    private const int Trials = 16_384, NaiveTrials = 512, AllCoresTrials = 131_072, BiasedTrials = 1_024;
    private const double PeerBiasStd = 0.5;
    private CollapseEngine _function = null!, _weight = null!, _biased = null!;
    private NaiveCollapse _naive = null!;
    private CollapseTally _tally = null!;
    private CollapseExperiment _experiment = null!;
    private CounterRng _rng;

    [Params("2x10", "2x20", "2x50", "3x10", "3x20", "3x50", "4x10", "4x20", "4x50", "5x10", "5x20", "5x50", "10x10", "10x20", "10x50", "16x10", "16x20", "16x50")]
    public string Cell { get; set; } = "2x10";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Cell.Split('x');
        _experiment = new CollapseExperiment(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        _function = CollapseEngines.Create(EngineKind.FunctionSpace, _experiment);
        _weight = CollapseEngines.Create(EngineKind.WeightSpace, _experiment);
        _biased = CollapseEngines.Create(EngineKind.PiecewiseLinear,
            new CollapseExperiment(_experiment.Width, _experiment.Depth, biasStd: PeerBiasStd));
        _naive = new NaiveCollapse(_experiment.Width, _experiment.Depth);
        _tally = new CollapseTally(_experiment.Depth);
        _rng = new CounterRng(2026, 0);
    }

    [Benchmark(OperationsPerInvoke = Trials)]
    public long FunctionSpace()
    {
        _function.Run(ref _rng, Trials, _tally);
        return _tally.Collapsed;
    }

    [Benchmark(OperationsPerInvoke = Trials)]
    public long WeightSpace()
    {
        _weight.Run(ref _rng, Trials, _tally);
        return _tally.Collapsed;
    }

    [Benchmark(OperationsPerInvoke = BiasedTrials)]
    public long PiecewiseLinearBiased()
    {
        _biased.Run(ref _rng, BiasedTrials, _tally);
        return _tally.Collapsed;
    }

    [Benchmark(OperationsPerInvoke = NaiveTrials)]
    public long NaiveScalar() => _naive.Run(ref _rng, NaiveTrials);

    [Benchmark(OperationsPerInvoke = AllCoresTrials)]
    public long FunctionSpaceAllCores() => AllCores(EngineKind.FunctionSpace);

    [Benchmark(OperationsPerInvoke = AllCoresTrials)]
    public long WeightSpaceAllCores() => AllCores(EngineKind.WeightSpace);

    private long AllCores(EngineKind engine) =>
        MonteCarloDriver.Run(CollapseRun.Start(_experiment, engine),
            new MonteCarloOptions { Trials = AllCoresTrials, BlockSize = 4_096, Threads = Environment.ProcessorCount, Seed = 7 }).Tally.Collapsed;
}
