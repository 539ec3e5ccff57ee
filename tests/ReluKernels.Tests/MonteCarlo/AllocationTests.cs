using ReluKernels.MonteCarlo;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary>A Monte-Carlo trial allocates nothing: engines own their scratch and are reused across blocks.</summary>
public sealed class AllocationTests
{
    public static TheoryData<EngineKind, WeightDistribution, double> Engines => new()
    {
        { EngineKind.FunctionSpace, WeightDistribution.HeNormal, 0 },
        { EngineKind.WeightSpace, WeightDistribution.HeNormal, 0 },
        { EngineKind.WeightSpace, WeightDistribution.SymmetricUniform, 0 },
        { EngineKind.WeightSpace, WeightDistribution.Orthogonal, 0 },
        { EngineKind.PiecewiseLinear, WeightDistribution.HeNormal, 0.5 },
        { EngineKind.PiecewiseLinear, WeightDistribution.SymmetricUniform, 0.5 },
    };

    [Theory]
    [MemberData(nameof(Engines))]
    public void Running_trials_allocates_nothing(EngineKind kind, WeightDistribution weights, double biasStd)
    {
        var e = new CollapseExperiment(5, 12, weights, biasStd);
        var engine = CollapseEngines.Create(kind, e);
        var tally = new CollapseTally(e.Depth);
        var rng = new CounterRng(1, 0);
        engine.Run(ref rng, 2_000, tally); // warm-up: JIT tiers, buffer growth
        // The least of three measurements: tier-up can allocate once; an engine that allocates per trial shows in all.
        long allocated = long.MaxValue;
        for (int attempt = 0; attempt < 3 && allocated > 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            engine.Run(ref rng, 2_000, tally);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.True(allocated == 0, $"{kind} {weights}: {allocated} bytes allocated for 2000 trials");
    }
}
