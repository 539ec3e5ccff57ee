using BenchmarkDotNet.Attributes;

namespace ReluKernels.Benchmarks.Suites;

/// <summary>Counter-based RNG throughput on the widest path; times are per value (normals/s = 1e9 / ns).</summary>
[Config(typeof(BenchmarkConfig))]
public class RngBenchmarks
{
    private const int Length = 1 << 16;
    private readonly float[] _floats = new float[Length];
    private readonly double[] _doubles = new double[Length];
    private readonly uint[] _words = new uint[Length];

    [Benchmark(OperationsPerInvoke = Length)]
    public void NormalFloat()
    {
        var rng = new CounterRng(seed: 1, stream: 0);
        rng.FillNormal(_floats);
    }

    [Benchmark(OperationsPerInvoke = Length)]
    public void NormalDouble()
    {
        var rng = new CounterRng(seed: 1, stream: 0);
        rng.FillNormal(_doubles);
    }

    [Benchmark(OperationsPerInvoke = Length)]
    public void UniformFloat()
    {
        var rng = new CounterRng(seed: 1, stream: 0);
        rng.FillUniform(_floats);
    }

    [Benchmark(OperationsPerInvoke = Length)]
    public void Words()
    {
        var rng = new CounterRng(seed: 1, stream: 0);
        rng.Fill(_words);
    }
}
