using BenchmarkDotNet.Attributes;
using ReluKernels.Benchmarks.Baselines;
using ReluKernels.Training;

namespace ReluKernels.Benchmarks.Suites;

/// <summary>
/// One SGD training step (forward, MSE loss and its gradient, backward, update) on a mini-batch of 128 samples, with the
/// training engine's <see cref="Trainer{TKernel, T}"/> on the generated kernel and on the generic kernel, and with a
/// hand-written scalar loop (<see cref="NaiveTrainer"/>). Times are per step; steps/s = 1e9 / ns.
/// </summary>
/// <remarks>The learning rate is small (1e-4) and the targets are |x|, so millions of steps neither diverge nor change the work per step.</remarks>
[Config(typeof(BenchmarkConfig))]
[GenericTypeArguments(typeof(Shape2x9))]
[GenericTypeArguments(typeof(Shape4x9))]
[GenericTypeArguments(typeof(Shape10x10))]
public class TrainingStepBenchmarks<TNet> where TNet : IReluNetwork<TNet, float>
{
    public const int Batch = 128;
    private const float LearningRate = 1e-4f;

    private float[] _inputs = [];
    private float[] _targets = [];
    private float[] _generatedParameters = [];
    private float[] _genericParameters = [];
    private Trainer<GeneratedKernel<TNet, float>, float> _generated = null!;
    private Trainer<GenericKernel<float>, float> _generic = null!;
    private NaiveTrainer _naive = null!;

    [GlobalSetup]
    public void Setup()
    {
        var a = TNet.Architecture;
        var parameters = BenchmarkData.Parameters(a);
        _inputs = BenchmarkData.Uniform(Batch, seed: 3);
        _targets = [.. _inputs.Select(Math.Abs)];
        var options = new TrainingOptions { Optimizer = new SgdSettings(LearningRate), BatchSize = Batch };
        _generatedParameters = (float[])parameters.Clone();
        _genericParameters = (float[])parameters.Clone();
        _generated = new Trainer<GeneratedKernel<TNet, float>, float>(new GeneratedKernel<TNet, float>(KernelPath.Auto), options, Batch);
        _generic = new Trainer<GenericKernel<float>, float>(new GenericKernel<float>(a), options, Batch);
        _naive = new NaiveTrainer(a, parameters, LearningRate);
    }

    [Benchmark(Baseline = true)]
    public double Generic() => _generic.Step(_genericParameters, _inputs, _targets).Loss;

    [Benchmark]
    public double Generated() => _generated.Step(_generatedParameters, _inputs, _targets).Loss;

    [Benchmark]
    public float NaiveLoop() => _naive.Step(_inputs, _targets);
}
