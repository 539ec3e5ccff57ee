using BenchmarkDotNet.Attributes;
using ReluKernels.Benchmarks.Baselines;

namespace ReluKernels.Benchmarks.Suites;

/// <summary>Sample-parallel backward (forward included, as training needs it) at batch 1024; times are per sample.</summary>
[Config(typeof(BenchmarkConfig))]
[GenericTypeArguments(typeof(Shape2x10))]
[GenericTypeArguments(typeof(Shape4x10))]
[GenericTypeArguments(typeof(Shape8x10))]
[GenericTypeArguments(typeof(Shape16x10))]
public class SampleBackwardBenchmarks<TNet> where TNet : IReluNetwork<TNet, float>
{
    private float[] _parameters = [];
    private float[] _inputs = [];
    private float[] _outputGradients = [];
    private float[] _gradient = [];
    private float[] _workspace = [];
    private GenericNetwork<float> _generic = null!;
    private NaiveNetwork _naive = null!;
    private float[][][] _naiveWeightGradients = [];
    private float[][] _naiveBiasGradients = [];

    [GlobalSetup]
    public void Setup()
    {
        var a = TNet.Architecture;
        _parameters = BenchmarkData.Parameters(a);
        _inputs = BenchmarkData.Uniform(BenchmarkData.Batch, seed: 1);
        _outputGradients = BenchmarkData.Uniform(BenchmarkData.Batch, seed: 2);
        _gradient = new float[a.ParameterCount];
        _workspace = new float[TNet.BackwardWorkspaceLength];
        _generic = new GenericNetwork<float>(a);
        _naive = new NaiveNetwork(a, _parameters);
        _naiveWeightGradients = Enumerable.Range(1, a.LayerCount)
            .Select(l => Enumerable.Range(0, a.LayerOutputs(l)).Select(_ => new float[a.LayerInputs(l)]).ToArray()).ToArray();
        _naiveBiasGradients = Enumerable.Range(1, a.LayerCount).Select(l => new float[a.LayerOutputs(l)]).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchmarkData.Batch)]
    public void Generic() => _generic.Backward(_parameters, _inputs, _outputGradients, _gradient, []);

    [Benchmark(OperationsPerInvoke = BenchmarkData.Batch)]
    public void Generated() => TNet.Backward(_parameters, _inputs, _outputGradients, _gradient, [], _workspace);

    [Benchmark(OperationsPerInvoke = BenchmarkData.Batch)]
    public void NaiveLoop() => _naive.Backward(_inputs, _outputGradients, _naiveWeightGradients, _naiveBiasGradients);
}
