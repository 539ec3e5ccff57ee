using MathNet.Numerics.Distributions;
using ReluKernels.Activations;
using ReluKernels.LengthMap;
using ReluKernels.Statistics;

namespace ReluKernels.Tests.LengthMap;

/// <summary>
/// The finite-width simulation of the length map (Lu, Su &amp; Karniadakis 2019, §3) against the recursion where the
/// recursion is exact at every width (ReLU and leaky ReLU), against <see cref="GenericNetwork{T}"/> bit for bit, and for
/// reproducibility. Fixed seeds; z tests at α = 1e-6, Bonferroni-corrected over the layers of a case.
/// </summary>
public class LengthMapSimulationTests
{
    /// <summary>Two-sided critical |z| for <paramref name="checks"/> Bonferroni-corrected checks at α = 1e-6.</summary>
    private static double CriticalZ(int checks) => -Normal.InvCDF(0, 1, BinomialTest.Alpha / (2 * checks));

    public static TheoryData<string, LengthMapInit, double> ExactCases => new()
    {
        { "relu", LengthMapInit.He, 0 },
        { "relu", LengthMapInit.He, 0.5 },
        { "relu", LengthMapInit.LeCun, 0.5 },
        { "relu", LengthMapInit.Glorot, 0 },
        { "relu", LengthMapInit.Glorot, 0.5 },   // uniform weights after Gaussian biases: caught a Box–Muller word reuse (BoxMullerGroupTests)
        { "leaky-relu(slope=0.2)", LengthMapInit.He, 0.3 },
    };

    [Theory]
    [MemberData(nameof(ExactCases))]
    public void Recursion_matches_simulation_where_it_is_exact(string name, LengthMapInit init, double biasStd)
    {
        // For ReLU and leaky ReLU the recursion is E[q^l] exactly at every width and for any symmetric weights (Glorot's are
        // uniform), so the simulated mean over N = 20000 independent networks is within the normal approximation of its
        // sampling error: |mean − E[q^l]| / (s/√N) below the critical z, s the sample standard deviation. q^l has every
        // moment at finite depth, and N = 20000 makes the normal approximation of its mean accurate far beyond α.
        var φ = SupportedActivations.All.Single(a => a.ToString() == name);
        const int depth = 6;
        var run = LengthMapSimulation.Run(φ, init, new LengthMapSettings(8, depth, biasStd, 20_000, Seed: 17, Threads: 2), TestContext.Current.CancellationToken);
        Assert.True(run.RecursionExact);
        double critical = CriticalZ(depth);
        foreach (var layer in run.Layers)
        {
            var s = layer.Simulated!.Value;
            double z = (s.Mean - layer.Recursion) / s.StandardError;
            Assert.True(Math.Abs(z) < critical, $"{name} {init} σ_b = {biasStd}, layer {layer.Layer}: simulated {s.Mean:G6}, recursion {layer.Recursion:G6}, z = {z:F2}");
        }
    }

    [Fact]
    public void He_relu_without_bias_keeps_the_recursion_constant()
    {
        var run = LengthMapSimulation.Run(new Relu(), LengthMapInit.He, new LengthMapSettings(4, 5, 0, 2, Seed: 1, Threads: 1), TestContext.Current.CancellationToken);
        Assert.All(run.Layers, l => Assert.Equal(2, l.Recursion));      // q⁰ = 1, E[q¹] = 2·1, then constant
        Assert.True(Math.Abs(run.FixedPoint!.Value - 2) <= 1e-12 * 2, $"fixed point {run.FixedPoint:R}");   // one quadrature step (LengthMapTests.Quadrature)
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var settings = new LengthMapSettings(5, 4, 0.2, 64, Seed: 3, Threads: 1);
        var one = LengthMapSimulation.Run(new Selu(), LengthMapInit.Glorot, settings, TestContext.Current.CancellationToken);
        var two = LengthMapSimulation.Run(new Selu(), LengthMapInit.Glorot, settings with { Threads = 2 }, TestContext.Current.CancellationToken);
        Assert.Equal(one.Layers, two.Layers);
    }

    public static TheoryData<Activation, double> KernelCases => new() { { Activation.ReLU, 0 }, { Activation.SELU, 0.3 }, { Activation.ELU, 0.5 } };

    [Theory]
    [MemberData(nameof(KernelCases))]
    public void Pre_activations_are_those_of_the_generic_kernel(Activation kind, double biasStd)
    {
        // The same draws laid out as a GenericNetwork with a linear output layer of width N: h^L must agree bit for bit.
        const int width = 4, depth = 3;
        var weights = LengthMapInits.Weights(LengthMapInit.He);
        var sampler = new LengthMapNetwork(kind, null, weights, width, depth, biasStd);
        var rng = new CounterRng(9, 4);
        sampler.Sample(ref rng, new double[depth]);

        var architecture = new NetworkArchitecture(width, depth - 1, inputDim: width, outputDim: width, bias: true, activation: kind);
        var parameters = new double[architecture.ParameterCount];
        var draw = new CounterRng(9, 4);
        for (int l = 1; l <= depth; l++)
        {
            weights.DrawLayer(new LayerShape(l, width, width, HasBias: false), parameters.AsSpan(architecture.WeightOffset(l), width * width), Span<double>.Empty, ref draw);
            if (biasStd > 0)
                InitDraw.Normal(parameters.AsSpan(architecture.BiasOffset(l), width), biasStd, ref draw);
        }
        var output = new double[width];
        new GenericNetwork<double>(architecture).Forward(parameters, [1, 1, 1, 1], output);
        Assert.Equal(output, sampler.LastPreActivations.ToArray());
    }

    [Fact]
    public void Activations_without_a_kernel_and_bad_settings_are_refused()
    {
        var ok = new LengthMapSettings(4, 2, 0, 2, Seed: 1, Threads: 1);
        Assert.Throws<ArgumentException>(() => LengthMapSimulation.Run(new NormalisedTanh(), LengthMapInit.He, ok, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => LengthMapSimulation.Run(new Relu(), LengthMapInit.He, ok with { Width = 0 }, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => LengthMapSimulation.Run(new Relu(), LengthMapInit.He, ok with { Depth = 0 }, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => LengthMapSimulation.Run(new Relu(), LengthMapInit.He, ok with { BiasStd = -0.1 }, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => LengthMapSimulation.Run(new Relu(), LengthMapInit.He, ok with { Trials = 1 }, TestContext.Current.CancellationToken));
    }
}
