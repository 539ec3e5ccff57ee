using ReluKernels.Tests.Kernels;
using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Layers;

namespace ReluKernels.Tests.Training;

/// <summary>A training step — forward, loss, backward, optimiser update on a mini-batch, balance and redundancy hooks included — allocates nothing on a generated shape or the layered kernel; nor does a whole training.</summary>
public sealed class AllocationTests
{
    public static TheoryData<string> Optimizers => ["sgd", "momentum", "nesterov", "adam", "adagrad", "adadelta", "rmsprop"];

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void A_training_step_allocates_nothing(string optimizer)
    {
        var data = Problems.Abs.TrainingSet<float>(1);
        var trainer = new Trainer<GeneratedKernel<F2x10, float>, float>(new(), new TrainingOptions { Optimizer = Settings(optimizer) }, capacity: 128);
        var parameters = Parameters();
        var inputs = data.Inputs[..128].ToArray();
        var targets = data.Targets[..128].ToArray();
        long bytes = AllocationProbe.SteadyStateBytes(() =>
        {
            for (int i = 0; i < 200; i++)
                trainer.Step(parameters, inputs, targets);
        });
        Assert.True(bytes == 0, $"{optimizer}: {bytes} bytes allocated by 200 steps");
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void A_whole_mini_batch_training_allocates_nothing(string optimizer)
    {
        var data = Problems.Abs.TrainingSet<float>(1);
        var options = new TrainingOptions
        {
            Optimizer = Settings(optimizer),
            BatchSize = 100,
            MaxEpochs = 20,
            EarlyStopping = new PlateauStopping(1000, 1e-6),
        };
        var trainer = new Trainer<GeneratedKernel<F2x10, float>, float>(new(), options, data.Count);
        var history = new LossHistory(5, options.MaxEpochs);
        var parameters = Parameters();
        var rng = new CounterRng(1, 1);
        long bytes = AllocationProbe.SteadyStateBytes(() => trainer.Train(parameters, data, ref rng, history));
        Assert.True(bytes == 0, $"{optimizer}: {bytes} bytes allocated by a 20-epoch training");
    }

    [Fact]
    public void A_training_step_with_an_exp_activation_allocates_nothing()
    {
        // SELU runs KernelMath.Exp on every path: the activation adds no allocation either.
        var data = Problems.Abs.TrainingSet<float>(1);
        var trainer = new Trainer<GeneratedKernel<F3x8Selu, float>, float>(new(), new TrainingOptions { Optimizer = Settings("adam") }, capacity: 128);
        var parameters = new float[F3x8Selu.ParameterCount];
        var rng = new CounterRng(5, 0);
        NormalInitializer.HeWithBias.Initialize(F3x8Selu.Architecture, parameters, ref rng);
        var inputs = data.Inputs[..128].ToArray();
        var targets = data.Targets[..128].ToArray();
        long bytes = AllocationProbe.SteadyStateBytes(() =>
        {
            for (int i = 0; i < 200; i++)
                trainer.Step(parameters, inputs, targets);
        });
        Assert.True(bytes == 0, $"SELU: {bytes} bytes allocated by 200 steps");
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void A_layered_training_allocates_nothing(string optimizer)
    {
        // Batch norm, weight norm and dropout together; mini-batches of 100 over 256 samples (the last one smaller).
        var layout = new LayeredArchitecture(new NetworkArchitecture(3, 4),
            [new(HiddenNormalization.Batch, 0.2), new(HiddenNormalization.Weight, 0.1), new(HiddenNormalization.Batch), new(HiddenNormalization.None, 0.3)]);
        var data = Problems.Abs.TrainingSet<float>(1);
        var options = new TrainingOptions { Optimizer = Settings(optimizer), BatchSize = 100, MaxEpochs = 10 };
        var trainer = new Trainer<LayeredKernel<float>, float>(new(layout), options, data.Count);
        var parameters = new float[layout.ParameterCount];
        var init = new CounterRng(5, 0);
        NormalInitializer.HeWithBias.Initialize(layout.Network, parameters.AsSpan(0, layout.Network.ParameterCount), ref init);
        layout.CompleteInitialization<float>(parameters);
        StepsAndTrainingAllocateNothing(trainer, parameters, data, optimizer);
    }

    [Theory]
    [InlineData(BalanceMode.Projection)]
    [InlineData(BalanceMode.Penalty)]
    public void A_training_step_and_a_training_with_a_balance_mode_allocate_nothing(BalanceMode mode)
    {
        var data = Problems.Abs.TrainingSet<float>(1);
        var options = new TrainingOptions { Optimizer = Settings("adam"), BatchSize = 100, MaxEpochs = 10, Balance = mode, BalanceWeight = 0.1 };
        var trainer = new Trainer<GeneratedKernel<F2x10, float>, float>(new(), options, data.Count);
        var parameters = Parameters();
        StepsAndTrainingAllocateNothing(trainer, parameters, data, mode.ToString());
    }

    [Fact]
    public void A_training_step_and_a_training_with_the_redundancy_penalty_allocate_nothing()
    {
        var data = Problems.Abs.TrainingSet<float>(1);
        var options = new TrainingOptions { Optimizer = Settings("adam"), BatchSize = 100, MaxEpochs = 10, RedundancyWeight = 0.1 };
        var trainer = new Trainer<GeneratedKernel<F2x10, float>, float>(new(), options, data.Count);
        var parameters = Parameters();
        StepsAndTrainingAllocateNothing(trainer, parameters, data, "redundancy penalty");
    }

    /// <summary>200 steps on the first 128 samples, then a 10-epoch training on all of <paramref name="data"/>: each allocates 0 bytes.</summary>
    private static void StepsAndTrainingAllocateNothing<TKernel>(Trainer<TKernel, float> trainer, float[] parameters, Dataset<float> data, string label)
        where TKernel : struct, ITrainableNetwork<TKernel, float>
    {
        var inputs = data.Inputs[..128].ToArray();
        var targets = data.Targets[..128].ToArray();
        long stepBytes = AllocationProbe.SteadyStateBytes(() =>
        {
            for (int i = 0; i < 200; i++)
                trainer.Step(parameters, inputs, targets);
        });
        Assert.True(stepBytes == 0, $"{label}: {stepBytes} bytes allocated by 200 steps");
        var rng = new CounterRng(1, 1);
        long trainBytes = AllocationProbe.SteadyStateBytes(() => trainer.Train(parameters, data, ref rng));
        Assert.True(trainBytes == 0, $"{label}: {trainBytes} bytes allocated by a {trainer.Options.MaxEpochs}-epoch training");
    }

    private static FirstOrderSettings Settings(string name) => name switch
    {
        "adagrad" => new AdaGradSettings(),
        "adadelta" => new AdaDeltaSettings(),
        "rmsprop" => new RmsPropSettings(),
        "sgd" => new SgdSettings(1e-3),
        "momentum" => new SgdSettings(1e-3, 0.9),
        "nesterov" => new SgdSettings(1e-3, 0.9, nesterov: true),
        _ => new AdamSettings(),
    };

    private static float[] Parameters()
    {
        var parameters = new float[F2x10.ParameterCount];
        var rng = new CounterRng(5, 0);
        NormalInitializer.HeWithBias.Initialize(F2x10.Architecture, parameters, ref rng);
        return parameters;
    }
}
