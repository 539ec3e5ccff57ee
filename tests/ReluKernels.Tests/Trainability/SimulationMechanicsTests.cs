using ReluKernels.Analysis;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Tests.Trainability;

/// <summary>
/// The trainability samplers' mechanics: thread-count invariance, zero allocation per trial, and agreement of their
/// per-network counts with the independent analysis paths (NetworkAnalysis, exact geometry).
/// </summary>
public sealed class SimulationMechanicsTests
{
    private static MonteCarloOptions Options(long trials, int threads) =>
        new() { Trials = trials, Seed = 11, Threads = threads, BlockSize = 512 };

    [Fact]
    public void Active_neuron_counts_do_not_depend_on_the_thread_count()
    {
        var e = new ActiveNeuronExperiment([6, 4, 2], Schemes.All(Schemes.SphereBias, 3), 1, [2, 2, 1]);
        var one = ActiveNeuronSampler.Simulate(e, Options(5_000, 1), cancellation: TestContext.Current.CancellationToken);
        var two = ActiveNeuronSampler.Simulate(e, Options(5_000, 2), cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(5_000, one.Trials);
        for (int t = 1; t <= 3; t++)
        {
            Assert.Equal(one.Active(t).ToArray(), two.Active(t).ToArray());
            Assert.Equal(one.PermanentlyDead(t).ToArray(), two.PermanentlyDead(t).ToArray());
        }
        Assert.Equal(one.Trainable, two.Trainable);
        Assert.Equal(one.AllRequiredActive, two.AllRequiredActive);
    }

    [Fact]
    public void First_layer_and_second_moment_results_do_not_depend_on_the_thread_count()
    {
        var layer = new FirstLayerExperiment(3, 20, 0.7);
        Assert.Equal(FirstLayerSampler.Simulate(layer, Options(3_000, 1), cancellation: TestContext.Current.CancellationToken).ActiveHistogram.ToArray(),
            FirstLayerSampler.Simulate(layer, Options(3_000, 2), cancellation: TestContext.Current.CancellationToken).ActiveHistogram.ToArray());

        double[] points = [-0.5, 0.1, 0.9, 0.2, -0.3, 0.4]; // 3 points in 2-D, feature-major
        var init = new DataDependentInitializer(points, 2, 1, 0.5, 0.3);
        var net = new NetworkArchitecture(6, 1, inputDim: 2);
        var a = SecondMomentSampler.Simulate(points, net, init, Options(3_000, 1), cancellation: TestContext.Current.CancellationToken);
        var b = SecondMomentSampler.Simulate(points, net, init, Options(3_000, 2), cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(a.Sum, b.Sum); // bit-identical: blocks are added in block order
        Assert.Equal(a.SumOfSquares, b.SumOfSquares);
    }

    [Fact]
    public void Samplers_allocate_nothing_per_trial()
    {
        var active = new ActiveNeuronSampler(new ActiveNeuronExperiment([6, 4, 2], Schemes.FirstThen(Schemes.SphereNoBias, Schemes.NormalBias, 3), 1, [1, 1, 1]));
        var activeTally = new ActiveNeuronTally([6, 4, 2]);
        var first = new FirstLayerSampler(new FirstLayerExperiment(4, 50, 1));
        var firstTally = new FirstLayerTally(50);
        double[] points = [-0.5, 0.1, 0.9];
        var moment = new SecondMomentSampler(points, new NetworkArchitecture(6, 1), new DataDependentInitializer(points, 1, 2, 1, 0.5));
        var momentTally = new MeanTally();
        var rng = new CounterRng(3, 0);
        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() => active.Run(ref rng, 1_000, activeTally)));
        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() => first.Run(ref rng, 1_000, firstTally)));
        Assert.Equal(0, AllocationProbe.SteadyStateBytes(() => moment.Run(ref rng, 1_000, momentTally)));
    }

    [Theory]
    [InlineData(3, 4, false)]
    [InlineData(5, 3, true)]
    public void Per_layer_counts_match_NetworkAnalysis_network_by_network(int width, int depth, bool bias)
    {
        // Draw each network layer by layer as the sampler does, lay it out as a NetworkArchitecture and let the public
        // analysis classify it; a one-trial tally must then hold exactly the analysis' counts.
        var init = bias ? Schemes.NormalBias : Schemes.NormalNoBias;
        var e = new ActiveNeuronExperiment(Enumerable.Repeat(width, depth).ToArray(), Schemes.All(init, depth), 1.5);
        var architecture = new NetworkArchitecture(width, depth, bias: true);
        var sampler = new ActiveNeuronSampler(e);
        for (int network = 0; network < 300; network++)
        {
            var parameters = new double[architecture.ParameterCount];
            var draw = new CounterRng(5, (ulong)network);
            for (int l = 1; l <= depth; l++)
                init.DrawLayer<double>(e.Shape(l), parameters.AsSpan(architecture.WeightOffset(l), width * architecture.LayerInputs(l)),
                    parameters.AsSpan(architecture.BiasOffset(l), width), ref draw);
            var analysis = NetworkAnalysis.Analyze(architecture, parameters, 1.5);

            var tally = new ActiveNeuronTally(e.HiddenWidths);
            var rng = new CounterRng(5, (ulong)network);
            sampler.Run(ref rng, 1, tally);
            for (int t = 1; t <= depth; t++)
            {
                var layer = analysis.HiddenLayers[t - 1];
                int active = width - layer.DeadCount;
                int permanent = t == 1 ? layer.DeadCount : layer.PermanentlyDeadCount;
                Assert.True(tally.Active(t)[active] == 1, $"network {network}, layer {t}: {active} active by analysis");
                Assert.True(tally.PermanentlyDead(t)[permanent] == 1, $"network {network}, layer {t}: {permanent} permanently dead by analysis");
            }
        }
    }

    [Fact]
    public void First_layer_deadness_on_an_interval_matches_piecewise_linear_analysis()
    {
        // d = 1: the ball is [-r, r]; the sampler's b + r|w| ≤ 0 test and the propagator must agree neuron for neuron.
        const int width = 8;
        const double r = 0.6;
        var e = new FirstLayerExperiment(1, width, r);
        var sampler = new FirstLayerSampler(e);
        var architecture = new NetworkArchitecture(width, 1);
        for (int network = 0; network < 500; network++)
        {
            var weights = new double[width];
            var biases = new double[width];
            var draw = new CounterRng(8, (ulong)network);
            e.Initializer.DrawLayer<double>(e.Shape, weights, biases, ref draw);
            var parameters = new double[architecture.ParameterCount];
            weights.CopyTo(parameters, architecture.WeightOffset(1));
            biases.CopyTo(parameters, architecture.BiasOffset(1));
            int expected = width - NetworkAnalysis.Analyze(architecture, parameters, r).HiddenLayers[0].DeadCount;

            var tally = new FirstLayerTally(width);
            var rng = new CounterRng(8, (ulong)network);
            sampler.Run(ref rng, 1, tally);
            Assert.True(tally.ActiveHistogram[expected] == 1, $"network {network}: analysis says {expected} active");
        }
    }

    [Fact]
    public void Trainable_follows_the_definition_on_hand_made_counts()
    {
        var tally = new ActiveNeuronTally([4, 3]);
        int[] required = [3, 2];
        tally.Record([3, 1], [1, 1], required); // layer 2: 1 active, 1 permanently dead ≤ 3 − 2 → trainable (not event A)
        tally.Record([3, 1], [1, 2], required); // layer 2: 2 permanently dead > 1 → not trainable
        tally.Record([2, 3], [2, 0], required); // layer 1: 2 < 3 active → not trainable
        tally.Record([4, 0], [0, 0], required); // layer 2 has no active neuron → not trainable
        tally.Record([4, 2], [0, 0], required); // every requirement met → trainable and event A
        Assert.Equal(5, tally.Trials);
        Assert.Equal(2, tally.Trainable);
        Assert.Equal(1, tally.AllRequiredActive);
        Assert.Equal(4, tally.EveryLayerActive);
        Assert.Equal(2, tally.FirstTwoLayers(3, 1));
    }
}
