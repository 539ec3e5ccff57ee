using System.Globalization;
using BenchmarkDotNet.Attributes;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Benchmarks.Suites;

/// <summary>
/// The lazy weight-space engine (He-normal, no biases) on its generated stepper (what <see cref="CollapseEngines.Create"/>
/// runs for widths 2..16) against the hand-written run-time-width stepper, one thread, per trial. Both draw the same
/// values, so the difference is the layer code alone. Compare the two rows of a cell from the same run.
/// </summary>
[Config(typeof(MonteCarloBenchmarkConfig))]
public class WeightSpaceStepperBenchmarks
{
    private const int Trials = 16_384;
    private CollapseEngine _generated = null!, _handWritten = null!;
    private CollapseTally _tally = null!;
    private CounterRng _rng;

    [Params("2x10", "2x50", "4x10", "4x50", "5x10", "5x50", "10x10", "10x50", "16x10", "16x50")]
    public string Cell { get; set; } = "2x10";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Cell.Split('x');
        var experiment = new CollapseExperiment(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        _generated = CollapseEngines.Create(EngineKind.WeightSpace, experiment);
        _handWritten = new WeightSpaceEngine(experiment);
        _tally = new CollapseTally(experiment.Depth);
        _rng = new CounterRng(2026, 0);
    }

    [Benchmark(OperationsPerInvoke = Trials)]
    public long WeightSpaceGenerated()
    {
        _generated.Run(ref _rng, Trials, _tally);
        return _tally.Collapsed;
    }

    [Benchmark(OperationsPerInvoke = Trials, Baseline = true)]
    public long WeightSpaceHandWritten()
    {
        _handWritten.Run(ref _rng, Trials, _tally);
        return _tally.Collapsed;
    }
}
