using BenchmarkDotNet.Attributes;
using ReluKernels.Benchmarks.Baselines;

namespace ReluKernels.Benchmarks.Suites;

/// <summary>
/// Collapse trials by eager weight space: all weights of 16 networks drawn, then the network-parallel forward at x = ±1,
/// on the generated kernel and on the generic kernel. Single-threaded; times are per trial.
/// </summary>
[Config(typeof(MonteCarloBenchmarkConfig))]
[GenericTypeArguments(typeof(Collapse2x10))]
[GenericTypeArguments(typeof(Collapse2x20))]
[GenericTypeArguments(typeof(Collapse2x50))]
[GenericTypeArguments(typeof(Collapse3x10))]
[GenericTypeArguments(typeof(Collapse3x20))]
[GenericTypeArguments(typeof(Collapse3x50))]
[GenericTypeArguments(typeof(Collapse4x10))]
[GenericTypeArguments(typeof(Collapse4x20))]
[GenericTypeArguments(typeof(Collapse4x50))]
[GenericTypeArguments(typeof(Collapse5x10))]
[GenericTypeArguments(typeof(Collapse5x20))]
[GenericTypeArguments(typeof(Collapse5x50))]
[GenericTypeArguments(typeof(Collapse10x10))]
[GenericTypeArguments(typeof(Collapse10x20))]
[GenericTypeArguments(typeof(Collapse10x50))]
[GenericTypeArguments(typeof(Collapse16x10))]
[GenericTypeArguments(typeof(Collapse16x20))]
[GenericTypeArguments(typeof(Collapse16x50))]
public class EagerCollapseBenchmarks<TNet> where TNet : IReluNetwork<TNet, float>
{
    private const int Blocks = 64, Trials = 64 * 16;
    private GeneratedEagerCollapse<TNet> _generated = null!;
    private GenericEagerCollapse _generic = null!;
    private CounterRng _rng;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new GeneratedEagerCollapse<TNet>();
        _generic = new GenericEagerCollapse(TNet.Architecture);
        _rng = new CounterRng(2026, 1);
    }

    [Benchmark(OperationsPerInvoke = Trials)]
    public long GeneratedKernel() => _generated.Run(ref _rng, Blocks);

    [Benchmark(OperationsPerInvoke = Trials)]
    public long GenericKernel() => _generic.Run(ref _rng, Blocks);
}
