using BenchmarkDotNet.Attributes;
using ReluKernels.Benchmarks.Baselines;

namespace ReluKernels.Benchmarks.Suites;

/// <summary>Network-parallel forward of 1024 independent networks at one input point; times are per network.</summary>
[Config(typeof(BenchmarkConfig))]
[GenericTypeArguments(typeof(Shape2x10))]
[GenericTypeArguments(typeof(Shape4x10))]
[GenericTypeArguments(typeof(Shape8x10))]
[GenericTypeArguments(typeof(Shape16x10))]
public class NetworkForwardBenchmarks<TNet> where TNet : IReluNetwork<TNet, float>
{
    private const int Networks = 1024;
    private float[] _parameters = [];
    private readonly float[] _input = [0.75f];
    private float[] _outputs = [];
    private float[] _single = [];
    private GenericNetwork<float> _generic = null!;
    private NaiveNetwork[] _naive = [];

    [GlobalSetup]
    public void Setup()
    {
        var a = TNet.Architecture;
        int lanes = TNet.NetworkLanes;
        int blocks = Networks / lanes;
        _parameters = new float[blocks * a.ParameterCount * lanes];
        _naive = new NaiveNetwork[Networks];
        for (int n = 0; n < Networks; n++)
        {
            var one = BenchmarkData.Parameters(a, seed: n);
            for (int k = 0; k < one.Length; k++)
                _parameters[((n / lanes) * a.ParameterCount + k) * lanes + n % lanes] = one[k];
            _naive[n] = new NaiveNetwork(a, one);
        }
        _outputs = new float[blocks * lanes];
        _single = new float[1];
        _generic = new GenericNetwork<float>(a);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Networks)]
    public void Generic() => _generic.ForwardNetworks(_parameters, _input, _outputs);

    [Benchmark(OperationsPerInvoke = Networks)]
    public void Generated() => TNet.ForwardNetworks(_parameters, _input, _outputs);

    [Benchmark(OperationsPerInvoke = Networks)]
    public void NaiveLoop()
    {
        foreach (var network in _naive)
            network.Forward(_input, _single);
    }
}
