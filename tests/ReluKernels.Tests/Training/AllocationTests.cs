using ReluKernels.Tests.Kernels;
using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Tests.Training;

/// <summary>A training step — forward, loss, backward, optimiser update on a mini-batch — allocates nothing on a generated shape; nor does a whole training.</summary>
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
