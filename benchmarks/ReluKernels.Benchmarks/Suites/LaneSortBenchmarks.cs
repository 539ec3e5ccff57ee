using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using ReluKernels.Benchmarks.Baselines;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Benchmarks.Suites;

/// <summary>
/// The function-space engine's per-layer sort of width − 1 uniforms in 16 lanes: the sorting network
/// (<see cref="LaneSort"/>) against the insertion sort it replaced, at the counts of widths 5, 10, 16 and 33.
/// Times are per sort of 16 lanes; 64 sorts per operation.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class LaneSortBenchmarks
{
    private const int Sorts = 64;
    private uint[] _words = [];
    private Vector512<uint>[] _sorted = [];

    [Params(4, 9, 15, 32)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _words = new uint[Sorts * Count * 16];
        new CounterRng(2026, 0).Fill(_words);
        _sorted = new Vector512<uint>[Count];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sorts)]
    public uint Insertion()
    {
        for (int s = 0; s < Sorts; s++)
            InsertionLaneSort.Sort(_words.AsSpan(s * Count * 16, Count * 16), 2, _sorted);
        return _sorted[^1][0];
    }

    [Benchmark(OperationsPerInvoke = Sorts)]
    public uint Network()
    {
        for (int s = 0; s < Sorts; s++)
            LaneSort.Sort(_words.AsSpan(s * Count * 16, Count * 16), 2, _sorted);
        return _sorted[^1][0];
    }
}
