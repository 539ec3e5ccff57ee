using FsCheck.Xunit;
using ReluKernels.Tests.Degeneracy;
using ReluKernels.Tests.Kernels;
using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Layers;

namespace ReluKernels.Tests.Training;

/// <summary>
/// The redundancy penalty: zero for orthogonal or opposite incoming vectors, positive for a planted parallel pair, its
/// gradient the derivative of its value, and training with it reproducible and checked.
/// </summary>
public sealed class NeuronRedundancyTests
{
    /// <summary>
    /// Central differences with h = 1e-6 of R, a sum of squared cosines (|R| ≤ pairs ≲ 50 here): rounding ε·|R|/h ≲ 1e-8;
    /// truncation h²·|R'''|/6 with |R'''| = O(pairs/min‖a‖³) ≲ 1e4 for He-initialised vectors, so ≲ 2e-9. Against gradients
    /// of order 0.1–10: 1e-6 relative to 1 + |g|.
    /// </summary>
    private const double FiniteDifference = 1e-6;

    /// <summary>Rounding of a handful of double operations on values of order 1.</summary>
    private const double HandComputed = 1e-15;

    // Width 2, depth 1, one input, bias: θ = (W_1[0], W_1[1], b_1[0], b_1[1], W_2[0], W_2[1], b_2), a_i = (W_1[i], b_1[i]).
    private static readonly NetworkArchitecture Pair = new(2, 1);

    private static double[] PairParameters(double w0, double b0, double w1, double b1) => [w0, w1, b0, b1, 0.3, -0.7, 0.1];

    [Theory]
    [InlineData(1, 0, 0, 3)]
    [InlineData(1, 2, -2, 1)]
    [InlineData(1, 1, -2, -2)]
    [InlineData(0, 0, 1, 1)]
    public void The_penalty_is_zero_without_an_acute_pair_and_leaves_the_gradient_alone(double w0, double b0, double w1, double b1)
    {
        var parameters = PairParameters(w0, b0, w1, b1);
        Assert.Equal(0, NeuronRedundancy.Penalty<double>(Pair, parameters));
        var gradient = new double[parameters.Length];
        Assert.Equal(0, NeuronRedundancy.AddPenaltyGradient<double>(Pair, parameters, 2, gradient));
        Assert.All(gradient, g => Assert.Equal(0, g));
    }

    [Fact]
    public void A_planted_parallel_pair_costs_one_and_a_45_degree_pair_has_the_hand_computed_gradient()
    {
        Assert.Equal(1, NeuronRedundancy.Penalty<double>(Pair, PairParameters(1, -0.5, 3, -1.5)), HandComputed);

        // a_0 = (1, 0), a_1 = (1, 1): c = 1/√2, R = ½. ∂R/∂a_0 = 2c·(a_1/(‖a_0‖‖a_1‖) − c·a_0/‖a_0‖²) = (0, 1);
        // ∂R/∂a_1 = 2c·(a_0/(‖a_0‖‖a_1‖) − c·a_1/‖a_1‖²) = (½, −½). The outgoing weights and output bias are untouched.
        var parameters = PairParameters(1, 0, 1, 1);
        var gradient = new double[] { 1, 1, 1, 1, 1, 1, 1 };
        Assert.Equal(0.5 * 3, NeuronRedundancy.AddPenaltyGradient<double>(Pair, parameters, 3, gradient), HandComputed);
        double[] expected = [1 + 3 * 0.0, 1 + 3 * 0.5, 1 + 3 * 1.0, 1 - 3 * 0.5, 1, 1, 1];
        for (int k = 0; k < expected.Length; k++)
            Assert.Equal(expected[k], gradient[k], HandComputed * 10);
    }

    [Property(MaxTest = 40, Replay = "(27182818284590452,3535533905)")]
    public void The_penalty_gradient_matches_central_differences(byte width, byte depth, ulong seed)
    {
        // Neuron 1 of layer 1 becomes twice neuron 0, then is tilted: one acute pair at least, so the gradient is not zero.
        var network = DegeneracyNetworks.WithCopiedNeuron(DegeneracyNetworks.Random(width, depth, seed, inputDim: 2), 1, 0, 1, 2);
        Assert.True(network.TryGetArchitecture(out var architecture));
        var parameters = network.ToParameters();
        parameters[architecture.WeightOffset(1) + architecture.InputDim] += 0.1;
        const double weight = 0.7, h = 1e-6;
        var gradient = new double[parameters.Length];
        NeuronRedundancy.AddPenaltyGradient<double>(architecture, parameters, weight, gradient);
        Assert.Contains(gradient, g => g != 0);
        for (int k = 0; k < parameters.Length; k++)
        {
            double saved = parameters[k];
            parameters[k] = saved + h;
            double plus = weight * NeuronRedundancy.Penalty<double>(architecture, parameters);
            parameters[k] = saved - h;
            double minus = weight * NeuronRedundancy.Penalty<double>(architecture, parameters);
            parameters[k] = saved;
            double numeric = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[k]) <= FiniteDifference * (1 + Math.Abs(numeric)),
                $"parameter {k}: analytic {gradient[k]}, numeric {numeric}");
        }
    }

    [Fact]
    public void Training_with_the_penalty_is_reproducible_differs_from_plain_and_lowers_the_redundancy()
    {
        var data = Problems.Abs.TrainingSet<float>(2);
        var options = new TrainingOptions { Optimizer = new AdamSettings(0.01), BatchSize = 64, MaxEpochs = 30, RedundancyWeight = 1 };
        float[] Train(TrainingOptions o)
        {
            var trainer = new Trainer<GeneratedKernel<F2x10, float>, float>(new(), o);
            var parameters = new float[F2x10.ParameterCount];
            var rng = new CounterRng(9, 0);
            NormalInitializer.HeWithBias.Initialize(F2x10.Architecture, parameters, ref rng);
            var shuffle = new CounterRng(9, 1);
            trainer.Train(parameters, data, ref shuffle);
            return parameters;
        }
        var penalised = Train(options);
        var plain = Train(options with { RedundancyWeight = 0 });
        Assert.Equal(penalised, Train(options));
        Assert.NotEqual(plain, penalised);
        double before = NeuronRedundancy.Penalty<float>(F2x10.Architecture, plain), after = NeuronRedundancy.Penalty<float>(F2x10.Architecture, penalised);
        Assert.True(after < 0.5 * before, $"penalised {after} against plain {before}");
    }

    [Fact]
    public void Bad_redundancy_settings_are_refused_and_any_activation_is_accepted()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Optimizer = new SgdSettings(0.1), RedundancyWeight = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Optimizer = new SgdSettings(0.1), RedundancyWeight = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Optimizer = new SgdSettings(0.1), RedundancyWeight = double.PositiveInfinity });
        var penalty = new TrainingOptions { Optimizer = new SgdSettings(0.1), RedundancyWeight = 0.5 };
        var layered = new LayeredArchitecture(new NetworkArchitecture(2, 2), [new(HiddenNormalization.Batch), new(HiddenNormalization.None)]);
        Assert.Throws<ArgumentException>(() => new Trainer<LayeredKernel<float>, float>(new(layered), penalty));
        var quasiNewton = penalty with { Optimizer = new QuasiNewtonSettings(QuasiNewtonMethod.LimitedMemoryBfgs) };
        Assert.Throws<ArgumentException>(() => new Trainer<GeneratedKernel<F2x10, float>, float>(new(), quasiNewton));
        Assert.Equal(0.5, new Trainer<GeneratedKernel<F3x8Selu, float>, float>(new(), penalty).Options.RedundancyWeight);
        Assert.Throws<ArgumentException>(() => NeuronRedundancy.Penalty<float>(new NetworkArchitecture(2, 2), new float[3]));
    }
}
