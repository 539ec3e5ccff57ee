using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

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
        { EngineKind.PiecewiseLinear, WeightDistribution.Rai, 0 },
    };

    [Theory]
    [MemberData(nameof(Engines))]
    public void Running_trials_allocates_nothing(EngineKind kind, WeightDistribution weights, double biasStd)
    {
        var e = new CollapseExperiment(5, 12, weights, biasStd);
        var engine = CollapseEngines.Create(kind, e);
        var tally = new CollapseTally(e.Depth);
        var rng = new CounterRng(1, 0);
        long allocated = AllocationProbe.SteadyStateBytes(() => engine.Run(ref rng, 2_000, tally), warmUps: 1);
        Assert.True(allocated == 0, $"{kind} {weights}: {allocated} bytes allocated for 2000 trials");
    }
}
