using FsCheck.Xunit;
using ReluKernels.Degeneracy;
using ReluKernels.Tests.Degeneracy;
using ReluKernels.Tests.Kernels;
using ReluKernels.Training;
using ReluKernels.Training.Data;
using ReluKernels.Training.Layers;

namespace ReluKernels.Tests.Training;

/// <summary>
/// The balance hooks: the projection preserves the realisation (exactly in 1-D) and balances every hidden neuron, the
/// penalty's gradient is the derivative of its value, and training with either is reproducible and checked.
/// </summary>
public sealed class NeuronBalanceTests
{
    /// <summary>
    /// Imbalance after <see cref="NeuronBalance.Project{T}"/>, relative to its stopping tolerance: the last sweep saw every
    /// neuron within the tolerance before rescaling it, and afterwards a neuron is moved only by its neighbours' rescalings,
    /// each λ² within 1 ± tolerance, which changes its ratio by a factor within (1 ± tolerance) — at most twice the tolerance.
    /// </summary>
    private const double AfterProjection = 2;

    /// <summary>
    /// Central differences of a quartic polynomial with h = 1e-5: truncation h²·|f'''|/6 (f''' = O(weight·θ) ≲ 1e2 here,
    /// so ≲ 2e-9) plus rounding ε·|f|/h (|f| ≲ 1e2, so ≲ 2e-9), against gradients of order 1–100: 1e-6 relative to 1 + |g|.
    /// </summary>
    private const double FiniteDifference = 1e-6;

    [Property(MaxTest = 60, Replay = "(57721566490153286,6180339887)")]
    public void Projection_preserves_the_realisation_exactly_and_balances_every_hidden_neuron(byte width, byte depth, ulong seed)
    {
        var network = DegeneracyNetworks.Random(width, depth, seed);
        Assert.True(network.TryGetArchitecture(out var architecture));
        var parameters = network.ToParameters();
        double before = NeuronBalance.MaxImbalance<double>(architecture, parameters);
        int sweeps = NeuronBalance.Project<double>(architecture, parameters);
        Assert.InRange(sweeps, 1, NeuronBalance.MaxSweeps - 1);
        Assert.InRange(NeuronBalance.MaxImbalance<double>(architecture, parameters), 0, AfterProjection * NeuronBalance.Tolerance<double>());
        Assert.True(before > AfterProjection * NeuronBalance.Tolerance<double>(), $"the random network was balanced already ({before})");

        var balanced = LayeredNetwork.FromParameters(architecture, parameters);
        var distance = RealisationDistance.Exact(network, balanced);
        Assert.True(distance.IsExact);
        var grid = Enumerable.Range(0, 201).Select(i => new[] { -1 + i * 0.01 }).ToList();
        double scale = 1 + DegeneracyNetworks.Scale(network, grid);
        Assert.InRange(distance.Uniform, 0, DegeneracyTolerances.Realisation * scale);
        // Not the identity: some parameter moved by far more than rounding.
        Assert.True(network.ToParameters().Zip(parameters, (x, y) => Math.Abs(x - y)).Max() > 1e-3);
    }

    [Fact]
    public void Projection_of_a_deep_float_network_converges_and_leaves_a_zero_outgoing_vector_zero()
    {
        var architecture = new NetworkArchitecture(2, 9);
        var parameters = new float[architecture.ParameterCount];
        var rng = new CounterRng(3, 0);
        NormalInitializer.HeWithBias.Initialize(architecture, parameters, ref rng);
        // Neuron 0 of layer 4 gets a zero outgoing vector: it cannot be balanced, is skipped, and its vector stays zero.
        int column = architecture.WeightOffset(5);
        parameters[column] = parameters[column + architecture.Width] = 0;
        int sweeps = NeuronBalance.Project<float>(architecture, parameters);
        Assert.InRange(sweeps, 1, NeuronBalance.MaxSweeps - 1);
        Assert.InRange(NeuronBalance.MaxImbalance<float>(architecture, parameters), 0, AfterProjection * NeuronBalance.Tolerance<float>());
        Assert.Equal(0f, parameters[column]);
        Assert.Equal(0f, parameters[column + architecture.Width]);
    }

    [Fact]
    public void The_penalty_and_its_gradient_are_as_computed_by_hand_for_one_neuron()
    {
        // 1 → [1] → 1: a = (w, b) = (2, 0), c = 1, output bias 5. D = ‖c‖² − ‖a‖² = 1 − 4 = −3; penalty λ·9;
        // ∂/∂w = −4λ·D·w = 24λ, ∂/∂b = −4λ·D·b = 0, ∂/∂c = 4λ·D·c = −12λ, output bias untouched.
        var architecture = new NetworkArchitecture(1, 1);
        double[] parameters = [2, 0, 1, 5];
        var gradient = new double[] { 1, 1, 1, 1 };
        double value = NeuronBalance.AddPenaltyGradient<double>(architecture, parameters, 0.5, gradient);
        Assert.Equal(4.5, value);
        Assert.Equal(9, NeuronBalance.Penalty<double>(architecture, parameters));
        Assert.Equal([1 + 12, 1, 1 - 6, 1], gradient);
    }

    [Property(MaxTest = 40, Replay = "(14142135623730950,1732050807)")]
    public void The_penalty_gradient_matches_central_differences(byte width, byte depth, ulong seed)
    {
        var network = DegeneracyNetworks.Random(width, depth, seed);
        Assert.True(network.TryGetArchitecture(out var architecture));
        var parameters = network.ToParameters();
        const double weight = 0.7, h = 1e-5;
        var gradient = new double[parameters.Length];
        NeuronBalance.AddPenaltyGradient<double>(architecture, parameters, weight, gradient);
        for (int k = 0; k < parameters.Length; k++)
        {
            double saved = parameters[k];
            parameters[k] = saved + h;
            double plus = weight * NeuronBalance.Penalty<double>(architecture, parameters);
            parameters[k] = saved - h;
            double minus = weight * NeuronBalance.Penalty<double>(architecture, parameters);
            parameters[k] = saved;
            double numeric = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[k]) <= FiniteDifference * (1 + Math.Abs(numeric)),
                $"parameter {k}: analytic {gradient[k]}, numeric {numeric}");
        }
    }

    [Theory]
    [InlineData(BalanceMode.Projection)]
    [InlineData(BalanceMode.Penalty)]
    public void Training_with_a_balance_mode_is_identical_for_one_and_two_threads_and_differs_from_plain(BalanceMode mode)
    {
        var problem = Problems.Abs with { Training = new Sampling(SamplingKind.UniformRandom, 200) };
        var data = problem.TrainingSet<float>(4);
        var options = new TrainingOptions { Optimizer = new AdamSettings(0.01), BatchSize = 32, MaxEpochs = 15, Balance = mode, BalanceWeight = 0.1 };
        TrainingRun<float>[] Run(TrainingOptions o, int threads) => ParallelTraining.Run(new GeneratedKernel<F2x10, float>(), NormalInitializer.HeWithBias,
            data, o, new ParallelTrainingOptions { Seed = 23, Runs = 8, Threads = threads }, cancellation: TestContext.Current.CancellationToken);

        var one = Run(options, 1);
        var two = Run(options, 2);
        var plain = Run(options with { Balance = BalanceMode.None }, 1);
        for (int r = 0; r < one.Length; r++)
        {
            Assert.Equal(one[r].Result, two[r].Result);
            Assert.Equal(one[r].FinalParameters, two[r].FinalParameters);
            Assert.NotEqual(plain[r].FinalParameters, one[r].FinalParameters);
            if (mode == BalanceMode.Projection)
                Assert.InRange(NeuronBalance.MaxImbalance<float>(F2x10.Architecture, one[r].FinalParameters), 0, AfterProjection * NeuronBalance.Tolerance<float>());
        }
    }

    [Fact]
    public void The_penalty_reduces_the_imbalance_that_plain_training_keeps()
    {
        // Gradient flow conserves every D_i, so plain training keeps the initial imbalance; a strong penalty removes most of it.
        var data = Problems.Abs.TrainingSet<float>(2);
        var options = new TrainingOptions { Optimizer = new AdamSettings(0.01), BatchSize = 64, MaxEpochs = 30, BalanceWeight = 1 };
        double Imbalance(BalanceMode mode)
        {
            var trainer = new Trainer<GeneratedKernel<F2x10, float>, float>(new(), options with { Balance = mode });
            var parameters = new float[F2x10.ParameterCount];
            var rng = new CounterRng(9, 0);
            NormalInitializer.He(1.0).Initialize(F2x10.Architecture, parameters, ref rng);
            var shuffle = new CounterRng(9, 1);
            trainer.Train(parameters, data, ref shuffle);
            return NeuronBalance.Penalty<float>(F2x10.Architecture, parameters);
        }
        double plain = Imbalance(BalanceMode.None), penalised = Imbalance(BalanceMode.Penalty);
        Assert.True(penalised < 0.1 * plain, $"penalty {penalised} against plain {plain}");
    }

    [Fact]
    public void Bad_balance_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Optimizer = new SgdSettings(0.1), BalanceWeight = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Optimizer = new SgdSettings(0.1), BalanceWeight = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Optimizer = new SgdSettings(0.1), BalanceWeight = double.PositiveInfinity });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Optimizer = new SgdSettings(0.1), Balance = (BalanceMode)7 });
        var projection = new TrainingOptions { Optimizer = new SgdSettings(0.1), Balance = BalanceMode.Projection };
        Assert.Throws<ArgumentException>(() => new Trainer<GeneratedKernel<F3x8Selu, float>, float>(new(), projection));
        var layered = new LayeredArchitecture(new NetworkArchitecture(2, 2), [new(HiddenNormalization.Batch), new(HiddenNormalization.None)]);
        Assert.Throws<ArgumentException>(() => new Trainer<LayeredKernel<float>, float>(new(layered), projection));
        Assert.Throws<ArgumentException>(() => NeuronBalance.Project<float>(new NetworkArchitecture(2, 2), new float[3]));
    }
}
