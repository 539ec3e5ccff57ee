using BenchmarkDotNet.Attributes;

namespace ReluKernels.Benchmarks.Suites;

/// <summary>The 16×10 sample-parallel forward on each ISA path (times per sample), to see what each vector width buys.</summary>
[Config(typeof(BenchmarkConfig))]
public class PathBenchmarks
{
    private float[] _parameters = [];
    private float[] _inputs = [];
    private float[] _outputs = [];

    [ParamsSource(nameof(Paths))]
    public KernelPath Path { get; set; }

    public static IEnumerable<KernelPath> Paths => KernelPaths.Supported;

    [GlobalSetup]
    public void Setup()
    {
        _parameters = BenchmarkData.Parameters(Shape16x10.Architecture);
        _inputs = BenchmarkData.Uniform(BenchmarkData.Batch, seed: 1);
        _outputs = new float[BenchmarkData.Batch];
    }

    [Benchmark(OperationsPerInvoke = BenchmarkData.Batch)]
    public void Forward16x10() => Shape16x10.Forward(_parameters, _inputs, _outputs, Path);
}
