using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Tests.Trainability;

/// <summary>Runs the trainability simulations with fixed settings, cancelled with the test.</summary>
internal static class Sim
{
    private static MonteCarloOptions Options(long trials, ulong seed) => new() { Trials = trials, Seed = seed, Threads = 2, BlockSize = 4096 };

    public static ActiveNeuronTally Active(ActiveNeuronExperiment e, long trials, ulong seed) =>
        ActiveNeuronSampler.Simulate(e, Options(trials, seed), cancellation: TestContext.Current.CancellationToken);

    public static FirstLayerTally FirstLayer(FirstLayerExperiment e, long trials, ulong seed) =>
        FirstLayerSampler.Simulate(e, Options(trials, seed), cancellation: TestContext.Current.CancellationToken);

    public static MeanTally SecondMoment(double[] featureMajorPoints, NetworkArchitecture a, IInitializer init, long trials, ulong seed) =>
        SecondMomentSampler.Simulate(featureMajorPoints, a, init, Options(trials, seed), TestContext.Current.CancellationToken);
}
