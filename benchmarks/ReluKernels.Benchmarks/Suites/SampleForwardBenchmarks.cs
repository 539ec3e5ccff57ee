using BenchmarkDotNet.Attributes;
using ReluKernels.Benchmarks.Baselines;

namespace ReluKernels.Benchmarks.Suites;

/// <summary>Sample-parallel forward at batch 1024; times are per sample.</summary>
[Config(typeof(BenchmarkConfig))]
[GenericTypeArguments(typeof(Shape2x10))]
[GenericTypeArguments(typeof(Shape4x10))]
[GenericTypeArguments(typeof(Shape8x10))]
[GenericTypeArguments(typeof(Shape16x10))]
public class SampleForwardBenchmarks<TNet> where TNet : IReluNetwork<TNet, float>
{
    private float[] _parameters = [];
    private float[] _inputs = [];
    private float[] _outputs = [];
    private GenericNetwork<float> _generic = null!;
    private NaiveNetwork _naive = null!;
    private MathNetNetwork _mathNet = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parameters = BenchmarkData.Parameters(TNet.Architecture);
        _inputs = BenchmarkData.Uniform(BenchmarkData.Batch, seed: 1);
        _outputs = new float[BenchmarkData.Batch];
        _generic = new GenericNetwork<float>(TNet.Architecture);
        _naive = new NaiveNetwork(TNet.Architecture, _parameters);
        _mathNet = new MathNetNetwork(TNet.Architecture, _parameters);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchmarkData.Batch)]
    public void Generic() => _generic.Forward(_parameters, _inputs, _outputs);

    [Benchmark(OperationsPerInvoke = BenchmarkData.Batch)]
    public void Generated() => TNet.Forward(_parameters, _inputs, _outputs);

    [Benchmark(OperationsPerInvoke = BenchmarkData.Batch)]
    public void NaiveLoop() => _naive.Forward(_inputs, _outputs);

    [Benchmark(OperationsPerInvoke = BenchmarkData.Batch)]
    public void MathNetMatVec() => _mathNet.Forward(_inputs, _outputs);
}
