using ReluKernels.Analysis;
using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Tests.Training;

/// <summary>
/// Run-time shapes wider than the generator's 64 (Shin &amp; Karniadakis 2020 trains shallow networks of width 100 and 500): they are valid
/// architectures, initialise, analyse, train on the generic kernel and classify.
/// </summary>
public sealed class WideNetworkTests
{
    [Fact]
    public void Architectures_reach_the_run_time_limit_while_the_generator_keeps_its_own()
    {
        Assert.Equal(1024, new NetworkArchitecture(ShapeLimits.MaxRuntimeWidth, 1).Width);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkArchitecture(ShapeLimits.MaxRuntimeWidth + 1, 1));
        Assert.True(new NetworkArchitecture(ShapeLimits.MaxWidth, 2).IsGeneratable);
        Assert.False(new NetworkArchitecture(ShapeLimits.MaxWidth + 1, 2).IsGeneratable);
        Assert.Equal(64, ShapeLimits.MaxWidth);
    }

    [Fact]
    public void Wide_layers_initialise_like_narrow_ones()
    {
        var a = new NetworkArchitecture(100, 2, bias: true);
        foreach (IInitializer init in new IInitializer[] { NormalInitializer.HeWithBias, HypersphereInitializer.WithBias })
        {
            var p = new double[a.ParameterCount];
            var rng = new CounterRng(1, 0);
            init.Initialize(a, p, ref rng);
            Assert.All(p, v => Assert.True(double.IsFinite(v)));
            Assert.Equal(a.ParameterCount, p.Distinct().Count());
        }
        // Rows of the unit-hypersphere initialiser have norm 1 at width 100 too (the heap-row path).
        var rows = new double[a.ParameterCount];
        var r2 = new CounterRng(2, 0);
        HypersphereInitializer.WithBias.Initialize(a, rows, ref r2);
        double norm2 = 0;
        for (int i = 0; i < 100; i++)
            norm2 += rows[a.WeightOffset(2) + i] * rows[a.WeightOffset(2) + i];
        norm2 += rows[a.BiasOffset(2)] * rows[a.BiasOffset(2)];
        Assert.Equal(1, norm2, 1e-12);

        // The interleaved layout gives lane n exactly the n-th contiguous draw (heap scratch beyond width 64).
        var wide = new NetworkArchitecture(70, 1);
        int lanes = LayerInitializer.InterleavedLanes<float>();
        var block = new float[wide.ParameterCount * lanes];
        var ri = new CounterRng(3, 0);
        NormalInitializer.HeWithBias.InitializeInterleaved(wide, block, ref ri);
        var rc = new CounterRng(3, 0);
        var one = new float[wide.ParameterCount];
        for (int n = 0; n < 2; n++)
        {
            NormalInitializer.HeWithBias.Initialize(wide, one, ref rc);
            for (int k = 0; k < one.Length; k++)
                Assert.Equal(one[k], block[k * lanes + n]);
        }
    }

    [Fact]
    public void Wide_networks_are_analysed_by_every_method()
    {
        var free = new NetworkArchitecture(100, 3, bias: false);
        var p = new double[free.ParameterCount];
        var rng = new CounterRng(4, 0);
        NormalInitializer.HeWithoutBias.Initialize(free, p, ref rng);
        // Kill layer 2 so both exact methods have something to find.
        p.AsSpan(free.WeightOffset(2), 100 * 100).Fill(-1);
        Assert.Equal(2, HomogeneityAnalysis.FirstDeadLayer(free, p));
        Assert.Equal(2, NetworkAnalysis.Analyze(free, p).FirstDeadLayer);

        var plane = new NetworkArchitecture(100, 1, inputDim: 2);
        var q = new double[plane.ParameterCount];
        NormalInitializer.HeWithBias.Initialize(plane, q, ref rng);
        var sampled = SampledDeadness.Analyze(plane, q, PointSets.Grid(2, 21, 1));
        Assert.Equal(100, sampled.HiddenLayers[0].States.Count);
        Assert.InRange(sampled.HiddenLayers[0].DeadCount, 0, 60);
    }

    [Fact]
    public void A_width_500_shallow_network_trains_on_the_generic_kernel_and_is_classified_exactly()
    {
        // Shin & Karniadakis 2020, §4: sin(4πx) + sin(6πx) on 100 equidistant points, width 500, He with bias, Adam, full batch.
        var problem = Problems.TwoSines;
        var data = problem.TrainingSet<double>(1);
        var a = new NetworkArchitecture(500, 1);
        var parameters = new double[a.ParameterCount];
        var rng = new CounterRng(7, 0);
        NormalInitializer.HeWithBias.Initialize(a, parameters, ref rng);
        var trainer = new Trainer<GenericKernel<double>, double>(new(a), new TrainingOptions { Optimizer = new AdamSettings(), MaxEpochs = 200 });
        double before = trainer.Loss(parameters, data);
        var result = trainer.Train(parameters, data, ref rng);
        Assert.Equal(TrainingStatus.MaxEpochsReached, result.Status);
        Assert.True(result.FinalLoss < 0.8 * before, $"loss {before} → {result.FinalLoss}");

        var outcome = OutcomeClassifier.Create(data, problem.TestSet<double>(1), problem.Radius).Classify<double>(a, parameters);
        Assert.True(outcome.IsExact);
        Assert.NotEqual(OutcomeKind.Collapsed, outcome.Kind);
        Assert.InRange(outcome.DeadHiddenNeurons, 1, 499);
    }
}
