using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Layers;

namespace ReluKernels.Tests.Training.Layers;

/// <summary>Batch normalisation: evaluation with running statistics and their update, worked by hand on 1 → [1] → 1; the batch-of-one error.</summary>
public sealed class BatchNormTests
{
    // Layout of 1 → [1, BN] → 1: [W1, b1, W2, b2, γ, β, running mean, running variance].
    private static readonly LayeredArchitecture Layout = LayeredArchitecture.Uniform(new NetworkArchitecture(1, 1), HiddenNormalization.Batch);
    private static readonly double[] Start = [2, 1, 3, 0.5, 1.5, -0.2, 0.4, 2.25];

    [Fact]
    public void The_layout_puts_scales_shifts_then_running_statistics_after_the_plain_parameters()
    {
        Assert.Equal(8, Layout.ParameterCount);
        Assert.Equal(6, Layout.TrainableParameterCount);
        Assert.Equal((4, 5, 6, 7), (Layout.ScaleOffset(1), Layout.ShiftOffset(1), Layout.RunningMeanOffset(1), Layout.RunningVarianceOffset(1)));
    }

    [Fact]
    public void Evaluation_uses_the_running_statistics()
    {
        // x = 1: z = 2·1 + 1 = 3; ẑ = (3 − 0.4)/√(2.25 + 1e-5); u = 1.5·ẑ − 0.2; y = 3·relu(u) + 0.5.
        // x = −1: z = −1; ẑ = −1.4/√(2.25 + 1e-5) < 0, u < 0, y = 0.5.
        double zHat = 2.6 / Math.Sqrt(2.25 + 1e-5);
        double expected = 3 * (1.5 * zHat - 0.2) + 0.5;
        var network = new LayeredNetwork<double>(Layout);
        var y = new double[2];
        network.Forward(Start, [1, -1], y);
        Assert.Equal(expected, y[0], 1e-14);
        Assert.Equal(0.5, y[1]);
    }

    [Fact]
    public void A_training_step_normalises_with_the_batch_and_folds_it_into_the_running_statistics()
    {
        // Batch x = 0, 1, 2: z = 1, 3, 5; μ = 3, biased σ² = 8/3, unbiased 4.
        // ẑ = (−2, 0, 2)/√(8/3 + 1e-5); u = 1.5·ẑ − 0.2; y = 3·relu(u) + 0.5.
        // Running: mean 0.9·0.4 + 0.1·3 = 0.66; variance 0.9·2.25 + 0.1·4 = 2.425.
        var network = new LayeredNetwork<double>(Layout);
        var parameters = (double[])Start.Clone();
        var y = new double[3];
        network.BeginTrainingStep([]);
        network.Forward(parameters, [0, 1, 2], y);
        network.EndTrainingStep(parameters, updated: true);
        double s = Math.Sqrt(8.0 / 3 + 1e-5);
        Assert.Equal(3 * Math.Max(0, 1.5 * -2 / s - 0.2) + 0.5, y[0], 1e-14);
        Assert.Equal(3 * Math.Max(0, -0.2) + 0.5, y[1], 1e-14);
        Assert.Equal(3 * (1.5 * 2 / s - 0.2) + 0.5, y[2], 1e-14);
        Assert.Equal(0.66, parameters[6], 1e-15);
        Assert.Equal(2.425, parameters[7], 1e-15);
        Assert.False(network.Training);
        // A skipped update leaves them alone.
        network.BeginTrainingStep([]);
        network.Forward(parameters, [0, 1, 2], y);
        network.EndTrainingStep(parameters, updated: false);
        Assert.Equal(0.66, parameters[6], 1e-15);
    }

    [Fact]
    public void Initialization_sets_unit_scale_zero_shift_and_the_initial_running_statistics()
    {
        var parameters = (double[])Start.Clone();
        Layout.CompleteInitialization<double>(parameters);
        Assert.Equal([2, 1, 3, 0.5, 1, 0, 0, 1], parameters);
    }

    [Fact]
    public void A_mini_batch_of_one_is_rejected_with_a_clear_error()
    {
        var data = Data(9);
        var trainer = new Trainer<LayeredKernel<double>, double>(new(Layout),
            new TrainingOptions { Optimizer = new SgdSettings(0.01), BatchSize = 1, MaxEpochs = 2 });
        var parameters = (double[])Start.Clone();
        var rng = new CounterRng(1, 0);
        var e = Assert.Throws<ArgumentException>(() => trainer.Train(parameters, data, ref rng));
        Assert.Contains("Batch normalisation needs at least two samples", e.Message, StringComparison.Ordinal);
        // The kernel is back in evaluation, so the loss is the evaluation loss and finite.
        Assert.True(double.IsFinite(trainer.Loss(parameters, data)));
    }

    [Fact]
    public void A_full_batch_of_one_sample_is_rejected_with_a_clear_error()
    {
        var data = Data(1);
        var trainer = new Trainer<LayeredKernel<double>, double>(new(Layout), new TrainingOptions { Optimizer = new SgdSettings(0.01), MaxEpochs = 2 });
        var parameters = (double[])Start.Clone();
        var rng = new CounterRng(1, 0);
        var e = Assert.Throws<ArgumentException>(() => trainer.Train(parameters, data, ref rng));
        Assert.Contains("Batch normalisation needs at least two samples", e.Message, StringComparison.Ordinal);
    }

    private static Dataset<double> Data(int count)
    {
        var x = Enumerable.Range(0, count).Select(i => i / 4.0 - 1).ToArray();
        return new Dataset<double>(1, 1, x, [.. x.Select(Math.Abs)], "|x|");
    }
}
