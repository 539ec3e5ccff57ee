using FsCheck.Xunit;
using ReluKernels.Tests.Kernels;
using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Tests.Training;

/// <summary>
/// Lu et al. 2019, Lemma 3 and Theorem 4 under training: a network with a hidden layer identically zero on Ω never changes the
/// parameters of that layer and the layers before it, whatever the optimiser, and its output converges to the mean of the
/// targets under MSE and to a median under MAE.
/// </summary>
public sealed class CollapsedTrainingTests
{
    private static readonly OptimizerSettings[] Optimizers =
        [new SgdSettings(0.05), new SgdSettings(0.02, 0.9), new SgdSettings(0.02, 0.9, nesterov: true), new AdamSettings(0.01), new AdaGradSettings(0.05),
            new AdaDeltaSettings(), new RmsPropSettings(0.01)];

    private static readonly Dataset<double> Data =
        (Problems.XSin5X with { Training = new Sampling(SamplingKind.UniformRandom, 201) }).TrainingSet<double>(5);

    [Property(MaxTest = 40, Replay = "(1234567,7654321)")]
    public void Layers_up_to_the_dead_one_never_change(ulong seed, byte dead, byte optimizer, bool mae, bool miniBatch)
    {
        int deadLayer = 1 + dead % CollapsedNetworks.Shape.Depth;
        var start = CollapsedNetworks.Create(seed, deadLayer);
        var parameters = (double[])start.Clone();
        var options = new TrainingOptions
        {
            Optimizer = Optimizers[optimizer % Optimizers.Length],
            Loss = mae ? LossFunction.MeanAbsoluteError : LossFunction.MeanSquaredError,
            BatchSize = miniBatch ? 16 : 0,
            MaxEpochs = 10,
        };
        var rng = new CounterRng(seed, 1);
        var result = new Trainer<GeneratedKernel<D2x10, double>, double>(new(), options).Train(parameters, Data, ref rng);

        Assert.NotEqual(TrainingStatus.Diverged, result.Status);
        int end = CollapsedNetworks.EndOfLayer(deadLayer);
        Assert.Equal(start[..end], parameters[..end]);
        // The output bias always trains (unless the loss is already at its minimum, which random data never are).
        Assert.NotEqual(start[^1], parameters[^1]);
    }

    [Fact]
    public void With_zero_biases_after_the_dead_layer_only_the_output_bias_trains()
    {
        var start = CollapsedNetworks.Create(3, deadLayer: 4, zeroBiasesAfter: true);
        foreach (var optimizer in Optimizers)
        {
            var parameters = (double[])start.Clone();
            var options = new TrainingOptions { Optimizer = optimizer, BatchSize = 32, MaxEpochs = 5 };
            var rng = new CounterRng(9, 0);
            var result = new Trainer<GeneratedKernel<D2x10, double>, double>(new(), options).Train(parameters, Data, ref rng);
            Assert.Equal(start[..CollapsedNetworks.OutputBias], parameters[..CollapsedNetworks.OutputBias]);
            Assert.NotEqual(start[^1], parameters[^1]);
            Assert.Equal(1, result.GradientVanishedEpoch);
            Assert.Equal(TrainingStatus.MaxEpochsReached, result.Status);
        }
    }

    [Theory]
    [InlineData(QuasiNewtonMethod.Bfgs)]
    [InlineData(QuasiNewtonMethod.LimitedMemoryBfgs)]
    public void Quasi_newton_reaches_the_least_squares_minimum_of_a_collapsed_network(QuasiNewtonMethod method)
    {
        // Dead at layer 4 with zero biases after it, the network is the constant b (its output bias) and the MSE is
        // mean((b − y)²): a convex least-squares problem in b whose minimum is b = mean(y) (Lu et al. 2019, Theorem 4).
        // The minimiser stops when |dL/db| = 2|b − mean(y)| < the gradient tolerance, so b is within half of it.
        var settings = new QuasiNewtonSettings(method);
        double tolerance = settings.GradientTolerance / 2;
        var start = CollapsedNetworks.Create(3, deadLayer: 4, zeroBiasesAfter: true);
        var parameters = (double[])start.Clone();
        var options = new TrainingOptions { Optimizer = settings, BatchSize = 32, MaxEpochs = 100 };
        var rng = new CounterRng(9, 0);
        var result = new Trainer<GeneratedKernel<D2x10, double>, double>(new(), options).Train(parameters, Data, ref rng);

        Assert.Equal(TrainingStatus.Plateau, result.Status);
        Assert.Equal(start[..CollapsedNetworks.OutputBias], parameters[..CollapsedNetworks.OutputBias]);
        double mean = Data.Targets.ToArray().Average();
        Assert.Equal(mean, parameters[^1], tolerance);
        Assert.Equal(1, result.GradientVanishedEpoch);
        Assert.InRange(result.Epochs, 2, options.MaxEpochs - 1);
    }

    [Fact]
    public void Quasi_newton_fits_a_linear_least_squares_target_through_active_relus()
    {
        // On x ≥ 0 with positive weights and biases every ReLU is active, so the network is affine in x and the best
        // MSE it can reach is the residual of the least-squares line, computed independently by MathNet's Fit.Line.
        var shape = new NetworkArchitecture(2, 2);
        double[] x = [.. Enumerable.Range(0, 41).Select(i => i / 40.0)];
        double[] y = [.. x.Select(v => 2 * v + 0.5 + 0.1 * Math.Sin(7 * v))];
        var data = new Dataset<double>(1, 1, x, y, "2x + 0.5 + 0.1 sin 7x on 41 points of [0, 1]");
        var (intercept, slope) = MathNet.Numerics.Fit.Line(x, y);
        double best = x.Select((v, i) => Math.Pow(intercept + slope * v - y[i], 2)).Average();
        foreach (var method in new[] { QuasiNewtonMethod.Bfgs, QuasiNewtonMethod.LimitedMemoryBfgs })
        {
            // Layers 1 → 2 → 2 → 1: weights 0.5 and biases 0.1 keep every pre-activation positive on [0, 1].
            var parameters = Enumerable.Repeat(0.5, shape.ParameterCount).ToArray();
            for (int l = 1; l <= shape.LayerCount; l++)
                parameters.AsSpan(shape.BiasOffset(l), shape.LayerOutputs(l)).Fill(0.1);
            var options = new TrainingOptions { Optimizer = new QuasiNewtonSettings(method), MaxEpochs = 500 };
            var rng = new CounterRng(1, 0);
            var result = new Trainer<GenericKernel<double>, double>(new(shape), options).Train(parameters, data, ref rng);
            Assert.NotEqual(TrainingStatus.Diverged, result.Status);
            // Near the quadratic minimum the excess loss is of the order of the squared gradient tolerance (1e-14); 1e-6 is a generous margin.
            Assert.InRange(result.FinalLoss, best, best + 1e-6);
        }
    }

    [Fact]
    public void Vanishing_gradients_stop_the_training_when_asked()
    {
        var parameters = CollapsedNetworks.Create(3, deadLayer: 10);
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.1), MaxEpochs = 50, StopWhenGradientVanishes = true };
        var rng = new CounterRng(0, 0);
        var result = new Trainer<GeneratedKernel<D2x10, double>, double>(new(), options).Train(parameters, Data, ref rng);
        Assert.Equal(new TrainingResult(TrainingStatus.GradientVanished, 1, result.FinalLoss, 1), result);
    }

    [Fact]
    public void A_live_network_reports_no_vanishing()
    {
        // Identity-like 2×10 network: layer 1 = (relu(x), relu(−x)), later layers pass both through, output x⁺ − x⁻ = x.
        var a = CollapsedNetworks.Shape;
        var parameters = new double[a.ParameterCount];
        parameters[a.WeightOffset(1)] = 1;
        parameters[a.WeightOffset(1) + 1] = -1;
        for (int l = 2; l <= a.Depth; l++)
        {
            parameters[a.WeightOffset(l)] = 1;
            parameters[a.WeightOffset(l) + 3] = 1;
        }
        parameters[a.WeightOffset(a.LayerCount)] = 1;
        parameters[a.WeightOffset(a.LayerCount) + 1] = -1;
        var rng = new CounterRng(0, 0);
        var result = new Trainer<GeneratedKernel<D2x10, double>, double>(new(), new TrainingOptions { Optimizer = new SgdSettings(0.01), MaxEpochs = 3 })
            .Train(parameters, Data, ref rng);
        Assert.Equal(0, result.GradientVanishedEpoch);
    }

    [Fact]
    public void Mse_drives_the_output_to_the_mean_of_the_targets()
    {
        // Dead last hidden layer: only the output bias b moves, full-batch SGD with η = 0.25 gives
        // b ← b − 0.25·2(b − mean) = (b + mean)/2, so 200 epochs leave b = mean to rounding.
        var parameters = CollapsedNetworks.Create(11, deadLayer: 10);
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.25), MaxEpochs = 200 };
        var rng = new CounterRng(0, 0);
        new Trainer<GeneratedKernel<D2x10, double>, double>(new(), options).Train(parameters, Data, ref rng);
        double mean = Data.Targets.ToArray().Average();
        Assert.Equal(mean, parameters[^1], 1e-12);
        Assert.Equal(mean, Output(parameters, 0.3), 1e-12);
    }

    [Fact]
    public void Mse_with_adam_and_mini_batches_reaches_the_mean_within_the_classifier_tolerance()
    {
        // Lu et al.'s setting: Adam (defaults), mini-batch 128, 1000 uniform points, float kernel. Collapsed at layer 6.
        var problem = Problems.XSin5X;
        var data = problem.TrainingSet<float>(1);
        var parameters = CollapsedNetworks.Create(21, deadLayer: 6, zeroBiasesAfter: true).Select(v => (float)v).ToArray();
        var options = new TrainingOptions { Optimizer = new AdamSettings(), BatchSize = 128, MaxEpochs = 400 };
        var rng = new CounterRng(21, 1);
        var result = new Trainer<GeneratedKernel<F2x10, float>, float>(new(), options).Train(parameters, data, ref rng);

        var outcome = OutcomeClassifier.Create(data, problem.TestSet<float>(1), problem.Radius).Classify<float>(F2x10.Architecture, parameters);
        Assert.Equal(1, result.GradientVanishedEpoch);
        Assert.Equal(OutcomeKind.Collapsed, outcome.Kind);
        Assert.True(outcome.IsMean, $"constant {outcome.Constant[0]}, {outcome.DistanceToMean} sd from the mean");
        Assert.False(outcome.IsMedian);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(200)]
    public void Mae_drives_the_output_to_a_median_of_the_targets(int count)
    {
        // Full-batch SGD on MAE moves b by η·(#targets below b − #targets above b)/n, i.e. by at most η/n once b is next
        // to the median, so it settles within a few η/n of the median (odd n) or inside the median interval (even n).
        var data = (Problems.XSin5X with { Training = new Sampling(SamplingKind.UniformRandom, count) }).TrainingSet<double>(8);
        var parameters = CollapsedNetworks.Create(13, deadLayer: 10);
        const double lr = 0.05;
        var options = new TrainingOptions { Optimizer = new SgdSettings(lr), Loss = LossFunction.MeanAbsoluteError, MaxEpochs = 3000 };
        var rng = new CounterRng(0, 0);
        new Trainer<GeneratedKernel<D2x10, double>, double>(new(), options).Train(parameters, data, ref rng);

        var sorted = data.Targets.ToArray().Order().ToArray();
        double low = sorted[(count - 1) / 2], high = sorted[count / 2], slack = 3 * lr / count;
        double b = parameters[^1];
        Assert.InRange(b, low - slack, high + slack);
        double mean = sorted.Average();
        Assert.True(Math.Abs(b - mean) > 0.05, $"b = {b} should be far from the mean {mean}");

        var outcome = OutcomeClassifier.Create(data, data, 1).Classify<double>(D2x10.Architecture, parameters);
        Assert.True(outcome.IsMedian);
        Assert.False(outcome.IsMean);
    }

    private static double Output(double[] parameters, double x)
    {
        var y = new double[1];
        D2x10.Forward(parameters, [x], y);
        return y[0];
    }
}
