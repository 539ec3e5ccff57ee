using ReluKernels.Tests.Kernels;
using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Tests.Training;

/// <summary>The training loop: epochs and mini-batches, epoch losses, early stopping, divergence, argument checks.</summary>
public sealed class TrainerTests
{
    private static readonly Dataset<double> Ten = (Problems.XSin5X with { Training = new Sampling(SamplingKind.UniformRandom, 10) }).TrainingSet<double>(2);

    [Fact]
    public void A_mini_batch_epoch_is_the_shuffled_sequence_of_steps()
    {
        // Ten samples in batches of 4: one epoch is a permutation from the stream, then steps on samples
        // perm[0..3], perm[4..7] and perm[8..9]. Replaying that by hand with Step must give identical parameters.
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.1, 0.5), BatchSize = 4, MaxEpochs = 2 };
        var start = Start();
        var trained = (double[])start.Clone();
        var rng = new CounterRng(6, 2);
        var result = new Trainer<GeneratedKernel<Tiny2x1, double>, double>(new(), options).Train(trained, Ten, ref rng);
        Assert.Equal(TrainingStatus.MaxEpochsReached, result.Status);
        Assert.Equal(2, result.Epochs);

        var replay = (double[])start.Clone();
        var manual = new Trainer<GeneratedKernel<Tiny2x1, double>, double>(new(), options);
        var replayRng = new CounterRng(6, 2);
        var order = new int[10];
        for (int epoch = 0; epoch < 2; epoch++)
        {
            Shuffle.Permutation(order, ref replayRng);
            foreach (var batch in order.Chunk(4))
                manual.Step(replay, batch.Select(s => Ten.Inputs[s]).ToArray(), batch.Select(s => Ten.Targets[s]).ToArray());
        }
        Assert.Equal(replay, trained);
        Assert.Equal(rng.Position, replayRng.Position);
    }

    [Fact]
    public void A_full_batch_epoch_loss_is_the_loss_at_the_start_of_the_epoch()
    {
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.05), MaxEpochs = 3 };
        var trainer = new Trainer<GeneratedKernel<Tiny2x1, double>, double>(new(), options);
        var parameters = Start();
        var history = new LossHistory(1, 3);
        var rng = new CounterRng(0, 0);
        var result = trainer.Train(parameters, Ten, ref rng, history);

        var replay = Start();
        var expected = new double[3];
        for (int epoch = 0; epoch < 3; epoch++)
        {
            expected[epoch] = trainer.Loss(replay, Ten);
            trainer.Step(replay, Ten.Inputs, Ten.Targets);
        }
        Assert.Equal([1, 2, 3], history.Epochs.ToArray());
        Assert.Equal(expected, history.Losses.ToArray());
        Assert.Equal(trainer.Loss(replay, Ten), result.FinalLoss);
        Assert.Equal(replay, parameters);
        Assert.Equal(0UL, rng.Position); // full batch draws nothing
    }

    [Fact]
    public void A_plateau_stops_the_training()
    {
        // A collapsed network reaches the mean exactly (see CollapsedTrainingTests); the loss then stops improving.
        var parameters = CollapsedNetworks.Create(11, deadLayer: 10);
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.25), MaxEpochs = 5000, EarlyStopping = new PlateauStopping(10, 1e-12) };
        var rng = new CounterRng(0, 0);
        var result = new Trainer<GeneratedKernel<D2x10, double>, double>(new(), options).Train(parameters, Ten, ref rng);
        Assert.Equal(TrainingStatus.Plateau, result.Status);
        Assert.InRange(result.Epochs, 11, 200);
    }

    [Fact]
    public void Divergence_ends_the_training_without_an_exception()
    {
        var options = new TrainingOptions { Optimizer = new SgdSettings(1e6), MaxEpochs = 1000 };
        var parameters = Start();
        var rng = new CounterRng(0, 0);
        var result = new Trainer<GeneratedKernel<Tiny2x1, double>, double>(new(), options).Train(parameters, Ten, ref rng);
        Assert.Equal(TrainingStatus.Diverged, result.Status);
        Assert.True(result.Diverged);
        Assert.InRange(result.Epochs, 1, 999);
        Assert.False(double.IsFinite(result.FinalLoss) && parameters.All(double.IsFinite));
    }

    [Fact]
    public void The_trainer_reports_its_kernel()
    {
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.1) };
        Assert.StartsWith("generated Tiny2x1 (", new Trainer<GeneratedKernel<Tiny2x1, double>, double>(new(), options).KernelDescription);
        Assert.Equal("generic 1→[2×1]→1 ReLU", new Trainer<GenericKernel<double>, double>(new(Tiny2x1.Architecture), options).KernelDescription);
        Assert.Contains("Scalar", new GeneratedKernel<Tiny2x1, double>(KernelPath.Scalar).Description);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_clear_messages()
    {
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.1) };
        var trainer = new Trainer<GeneratedKernel<Tiny2x1, double>, double>(new(), options);
        var rng = new CounterRng(0, 0);
        var twoD = Problems.F3.TrainingSet<double>(1);
        Assert.Contains("2-D inputs", Assert.Throws<ArgumentException>(() => trainer.Train(Start(), twoD, ref rng)).Message);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => trainer.Train(new double[3], Ten, ref rng)).ParamName);
        Assert.Equal("history", Assert.Throws<ArgumentException>(() => trainer.Train(Start(), Ten, ref rng, new LossHistory(1, 10))).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => trainer.Step(Start(), [1, 2], [1])).ParamName);
        Assert.Throws<ArgumentException>(() => trainer.Step(Start(), [], []));
        Assert.Throws<ArgumentException>(() => new Trainer<GenericKernel<double>, double>(default, options));

        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Optimizer = new SgdSettings(0.1), MaxEpochs = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Optimizer = new SgdSettings(0.1), MaxEpochs = -5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Optimizer = new SgdSettings(0.1), BatchSize = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Optimizer = new SgdSettings(0.1), Loss = (LossFunction)7 });
        Assert.Throws<ArgumentNullException>(() => new TrainingOptions { Optimizer = null! });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlateauStopping(0, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlateauStopping(5, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlateauStopping(5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LossHistory(0, 10));
    }

    /// <summary>A live 1 → [2] → 1 network.</summary>
    private static double[] Start() => [1, -0.5, 0.5, 0.25, 2, -1, 0.5];
}
