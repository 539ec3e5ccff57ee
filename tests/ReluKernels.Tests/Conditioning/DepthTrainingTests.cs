using ReluKernels.Conditioning;

namespace ReluKernels.Tests.Conditioning;

/// <summary>
/// The depth-training check (Agarwal, Awasthi &amp; Kale 2021's trainability claim at small scale): reproducible for any
/// thread count, and the shape the simulation shows — plain and normalised ReLU fit random labels already at depth 1,
/// NormReLU_b (μ ≈ 0.016, nearly linear) does not, and does with depth. Fixed seed; these are checks of one
/// deterministic run, not statistical estimates (the docs give the spread over 16 runs at the default scale).
/// </summary>
public class DepthTrainingTests
{
    private static DepthTrainingSettings Settings(IReadOnlyList<int> depths, int epochs, int runs, int threads) =>
        new(Width: 16, depths, Inputs: 32, Dimension: 8, Separation: 0.1, epochs, LearningRate: 0.01, runs, Seed: 1, threads);

    private static DepthTrainingReport Run(DepthTrainingSettings settings) =>
        DepthTrainingExperiment.Run(settings, DepthTrainingActivation.All, cancellation: TestContext.Current.CancellationToken);

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var one = Run(Settings([1, 3], epochs: 40, runs: 3, threads: 1));
        var two = Run(Settings([1, 3], epochs: 40, runs: 3, threads: 2));
        Assert.Equal(6, one.Rows.Count);
        Assert.Equal(one.Rows, two.Rows);
        Assert.Equal(one.DataSeparation, two.DataSeparation);
    }

    [Fact]
    public void Depth_lets_the_nearly_linear_norm_relu_fit_random_labels_that_relu_fits_at_depth_one()
    {
        var rows = Run(Settings([1, 4], epochs: 500, runs: 8, threads: 2)).Rows.ToDictionary(r => (r.Activation, r.Depth));
        foreach (var row in rows.Values)
            Assert.True(row.InitialLoss.Median > 0.5, $"{row.Activation} depth {row.Depth} starts fitted: {row.InitialLoss.Median}");
        foreach (string name in new[] { "relu", "normalised-relu" })
            Assert.True(rows[(name, 1)].FinalLoss!.Median <= DepthTrainingExperiment.FitThreshold, $"{name} at depth 1: {rows[(name, 1)].FinalLoss!.Median}");
        var shallow = rows[("norm-relu", 1)];
        var deep = rows[("norm-relu", 4)];
        Assert.True(shallow.FinalLoss!.Median > DepthTrainingExperiment.FitThreshold, $"norm-relu at depth 1: {shallow.FinalLoss.Median}");
        Assert.True(deep.FinalLoss!.Median <= DepthTrainingExperiment.FitThreshold, $"norm-relu at depth 4: {deep.FinalLoss.Median}");
        Assert.True(deep.Fitted > shallow.Fitted, $"norm-relu fitted {shallow.Fitted} at depth 1, {deep.Fitted} at depth 4");
    }

    [Fact]
    public void Initial_weights_have_the_paper_scale_in_layer_one()
    {
        // Unit inputs need W₁ ~ N(0, 1) for N(0, 1) pre-activations; hidden layers g/width, the output 1/width.
        var init = new DepthTrainingInitializer(2, Depth: 3);
        Assert.Equal(1, init.WeightVariance(new LayerShape(1, 8, 16, false)));
        Assert.Equal(2.0 / 16, init.WeightVariance(new LayerShape(3, 16, 16, false)));
        Assert.Equal(1.0 / 16, init.WeightVariance(new LayerShape(4, 16, 1, false)));
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Settings([4, 2], 1, 1, 1).Validate());
        Assert.Throws<ArgumentException>(() => Settings([], 1, 1, 1).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => Settings([0], 1, 1, 1).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (Settings([1], 1, 1, 1) with { Separation = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (Settings([1], 1, 1, 1) with { Dimension = 17 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (Settings([1], 1, 1, 1) with { LearningRate = double.NaN }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new DepthTrainingInitializer(0, 1));
        // 32 unit vectors in d = 2 cannot be 0.5-separated.
        Assert.Throws<ArgumentException>(() => DepthTrainingExperiment.Data(Settings([1], 1, 1, 1) with { Dimension = 2, Separation = 0.5 }));
    }
}
