using ReluKernels.Statistics;
using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Layers;

namespace ReluKernels.Tests.Training.Layers;

/// <summary>Inverted dropout: keep rate, masks keyed by data-set sample rather than batch position, independence from threads, and validation.</summary>
public sealed class DropoutTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void The_keep_rate_is_one_minus_p(double rate)
    {
        var key = DropoutMasks.Key(7, 3);
        long kept = 0, total = 0;
        for (long step = 1; step <= 50; step++)
            for (int sample = 0; sample < 200; sample++)
                for (int layer = 1; layer <= 5; layer++)
                    for (int neuron = 0; neuron < 20; neuron++, total++)
                        kept += DropoutMasks.Keep(key, step, sample, layer, neuron, rate) ? 1 : 0;
        Assert.True(BinomialTest.AgreesWith(kept, total, 1 - rate), $"p = {rate}: kept {kept} of {total}");
    }

    [Fact]
    public void A_sample_gets_the_same_mask_wherever_it_sits_in_the_batch()
    {
        var layout = LayeredArchitecture.Uniform(new NetworkArchitecture(6, 3), dropout: 0.5);
        var network = new LayeredNetwork<double>(layout);
        var rng = new CounterRng(3, 1);
        var parameters = LayeredSetup.Parameters(layout, ref rng);
        double[] x = [0.3, -0.7, 0.9, 0.1];
        int[] samples = [10, 11, 12, 13];
        var y = Forward(network, parameters, x, samples);
        // Same samples, reversed batch order: outputs reversed.
        var reversed = Forward(network, parameters, [.. x.Reverse()], [.. samples.Reverse()]);
        Assert.Equal([.. y.Reverse()], reversed);
        // Other data-set indices: other masks, other outputs.
        Assert.NotEqual(y, Forward(network, parameters, x, [20, 21, 22, 23]));
        // Evaluation applies no dropout: it is the plain network.
        var plain = new double[4];
        new GenericNetwork<double>(layout.Network).Forward(parameters.AsSpan(0, layout.Network.ParameterCount), x, plain);
        var evaluated = new double[4];
        network.Forward(parameters, x, evaluated);
        Assert.Equal(plain, evaluated);
    }

    [Fact]
    public void Trainings_with_dropout_are_identical_for_one_and_two_threads()
    {
        var problem = Problems.Abs with { Training = new Sampling(SamplingKind.UniformRandom, 60) };
        var data = problem.TrainingSet<double>(4);
        var options = new TrainingOptions { Optimizer = new AdamSettings(0.01), BatchSize = 16, MaxEpochs = 6 };
        TrainingRun<double>[] Run(int threads, double rate) => ParallelTraining.Run(
            new LayeredKernel<double>(LayeredArchitecture.Uniform(new NetworkArchitecture(4, 4), HiddenNormalization.Batch, rate)),
            NormalInitializer.HeWithBias, data, options, new ParallelTrainingOptions { Seed = 8, Runs = 6, Threads = threads },
            cancellation: TestContext.Current.CancellationToken);

        var one = Run(1, 0.3);
        var two = Run(2, 0.3);
        var without = Run(1, 0);
        for (int r = 0; r < one.Length; r++)
        {
            Assert.Equal(one[r].FinalParameters, two[r].FinalParameters);
            Assert.Equal(one[r].Result, two[r].Result);
            Assert.Equal(one[r].InitialParameters, without[r].InitialParameters);
            Assert.NotEqual(one[r].FinalParameters, without[r].FinalParameters);
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_rate_outside_zero_to_one_is_rejected(double rate)
    {
        var e = Assert.Throws<ArgumentException>(() => new HiddenLayerOptions(dropout: rate));
        Assert.Contains("dropout rate must be in [0, 1)", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LayeredArchitecture.Uniform(new NetworkArchitecture(2, 2), dropout: rate));
    }

    private static double[] Forward(LayeredNetwork<double> network, double[] parameters, double[] x, int[] samples)
    {
        network.BeginRun(1, 0);
        network.BeginTrainingStep(samples);
        var y = new double[x.Length];
        network.Forward(parameters, x, y);
        network.EndTrainingStep(parameters, updated: false);
        return y;
    }
}
