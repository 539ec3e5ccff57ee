using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using ReluKernels.Experiments.Training;

namespace ReluKernels.Benchmarks;

/// <summary>One short, repeatable job for every suite (a full default run of all suites would take over an hour on 2 cores).</summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(4).WithIterationCount(10));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.JoinSummary);
    }
}

/// <summary>
/// The Monte-Carlo suites have 126 rows (18 cells × 7 engines); each op already runs thousands of trials, so fewer
/// iterations keep the whole grid near 10 minutes with run-to-run spread still visible in the error column.
/// </summary>
public sealed class MonteCarloBenchmarkConfig : ManualConfig
{
    public MonteCarloBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.JoinSummary);
    }
}
