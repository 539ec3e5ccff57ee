using MathNet.Numerics.Distributions;
using ReluKernels.Activations;
using ReluKernels.Conditioning;
using ReluKernels.Statistics;

namespace ReluKernels.Tests.Conditioning;

/// <summary>
/// Finite-width networks against the infinite-width theory (docs/statistics.md): exact unbiasedness at depth 1, the
/// central-limit rate 1/√width of |K̂ − K| deeper, the condition number approaching the theory's, and reproducibility.
/// Fixed seeds; every z test at α = 1e-6, Bonferroni-corrected over the checks of its test.
/// </summary>
public class FiniteWidthSimulationTests
{
    // Four unit vectors in three dimensions at separation ≥ 0.2 (a fixed draw).
    private static readonly double[][] Inputs = SeparatedUnitVectors.Draw(4, 3, 0.2, seed: 5);

    /// <summary>Two-sided critical |z| for <paramref name="checks"/> Bonferroni-corrected checks at α = 1e-6.</summary>
    private static double CriticalZ(int checks) => -Normal.InvCDF(0, 1, BinomialTest.Alpha / (2 * checks));

    public static TheoryData<string> Names => ["normalised-relu", "normalised-tanh", "norm-relu(b=-1.59077)"];

    private static IReadOnlyList<ConditioningDepth> Simulate(ScalarActivation activation, IReadOnlyList<double[]> inputs, SimulationSettings settings) =>
        ConditioningSimulation.Run(activation, inputs, settings, TestContext.Current.CancellationToken);

    private static ScalarActivation ByName(string name) => SupportedActivations.All.First(a => a.ToString() == name);

    [Theory]
    [MemberData(nameof(Names))]
    public void Depth_one_kernel_and_ntk_are_unbiased_at_small_width(string name)
    {
        // Given the inputs, layer-1 pre-activations of two inputs are exactly N(0, [[1, ρ], [ρ, 1]]), so E K̂ = σ̂(G) and
        // E Θ̂ = σ̂(G) + σ̂′(G) ∘ G at every width: a z test on 10 + 10 distinct entries with N = 4000 networks (CLT over
        // networks; each entry is a mean of `width` bounded-variance products).
        var rows = Simulate(ByName(name), Inputs, new SimulationSettings(8, 1, 4000, Seed: 11, Threads: 2, WithNtk: true));
        var depth1 = rows[0];
        double critical = CriticalZ(20);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j <= i; j++)
            {
                double zKernel = (depth1.MeanKernel[i][j] - depth1.TheoryKernel[i][j]) / depth1.KernelStandardError[i][j];
                double zNtk = (depth1.MeanNtk![i][j] - depth1.TheoryNtk![i][j]) / depth1.NtkStandardError![i][j];
                Assert.True(Math.Abs(zKernel) < critical, $"K̂[{i},{j}]: z = {zKernel:F2}");
                Assert.True(Math.Abs(zNtk) < critical, $"Θ̂[{i},{j}]: z = {zNtk:F2}");
            }
    }

    [Fact]
    public void Kernel_error_shrinks_at_the_central_limit_rate()
    {
        // Deeper, K̂ − K is a fluctuation of order 1/√m plus a bias of order 1/m, so √m · E‖K̂ − K‖ is the same at m = 256
        // and m = 1024 up to a relative O(1/m) (~0.4%), far below the ~2% standard error of 200 networks. A rate 1/m or no
        // convergence at all would make the two differ by a factor 2 or more. One two-sample z test.
        var activation = new NormalisedRelu();
        double Scaled(int width, out double se)
        {
            var row = Simulate(activation, Inputs, new SimulationSettings(width, 3, 200, Seed: 12, Threads: 2, WithNtk: false))[2];
            se = Math.Sqrt(width) * row.KernelError!.StandardError;
            return Math.Sqrt(width) * row.KernelError.Mean;
        }
        double narrow = Scaled(256, out double seNarrow), wide = Scaled(1024, out double seWide);
        double z = (narrow - wide) / Math.Sqrt(seNarrow * seNarrow + seWide * seWide);
        Assert.True(Math.Abs(z) < CriticalZ(1), $"√m·error: {narrow:F4} at 256, {wide:F4} at 1024, z = {z:F2}");
    }

    [Fact]
    public void Condition_number_approaches_the_theory_as_width_grows()
    {
        // κ(K̂) is biased upwards at finite width (λ_min of a noisy matrix is pulled down). With both 99.99999% intervals
        // (z at α = 1e-6, two checks) the wide network's must lie strictly closer to κ(K) than the narrow one's.
        var activation = new NormalisedRelu();
        var narrow = Simulate(activation, Inputs, new SimulationSettings(16, 2, 400, Seed: 13, Threads: 2, WithNtk: false))[1];
        var wide = Simulate(activation, Inputs, new SimulationSettings(1024, 2, 100, Seed: 13, Threads: 2, WithNtk: false))[1];
        double theory = narrow.TheoryConditionNumber!.Value, critical = CriticalZ(2);
        double farthestWide = Math.Abs(wide.ConditionNumber!.Mean - theory) + critical * wide.ConditionNumber.StandardError;
        double nearestNarrow = Math.Abs(narrow.ConditionNumber!.Mean - theory) - critical * narrow.ConditionNumber.StandardError;
        Assert.Equal(0, wide.SingularNetworks);
        Assert.True(farthestWide < nearestNarrow, $"κ(K) = {theory:F4}; width 16: {narrow.ConditionNumber.Mean:F4} ± {narrow.ConditionNumber.StandardError:F4}; "
            + $"width 1024: {wide.ConditionNumber.Mean:F4} ± {wide.ConditionNumber.StandardError:F4}");
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var activation = new Normalised(new LeakyRelu(0.2));
        var one = Simulate(activation, Inputs, new SimulationSettings(16, 3, 20, Seed: 3, Threads: 1, WithNtk: true));
        var two = Simulate(activation, Inputs, new SimulationSettings(16, 3, 20, Seed: 3, Threads: 2, WithNtk: true));
        for (int h = 0; h < 3; h++)
        {
            Assert.Equal(one[h].MeanKernel, two[h].MeanKernel);
            Assert.Equal(one[h].MeanNtk, two[h].MeanNtk);
            Assert.Equal(one[h].ConditionNumber, two[h].ConditionNumber);
        }
    }

    [Fact]
    public void Refuses_what_it_cannot_simulate()
    {
        var settings = new SimulationSettings(16, 2, 10, 1, 1, false);
        Assert.Throws<ArgumentException>(() => Simulate(new Relu(), Inputs, settings));               // not normalised
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulate(new NormalisedRelu(), Inputs, settings with { Width = 3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulate(new NormalisedRelu(), Inputs, settings with { MaxDepth = 0 }));
        Assert.Throws<ArgumentException>(() => Simulate(new NormalisedRelu(), [Inputs[0], Inputs[0]], settings));
        Assert.Throws<ArgumentException>(() => SeparatedUnitVectors.Draw(3, 1, 0.5, 1));                              // d = 1: only ±x
        Assert.Throws<ArgumentOutOfRangeException>(() => SeparatedUnitVectors.Draw(3, 3, 0, 1));
    }

    [Fact]
    public void Drawn_data_has_the_requested_separation()
    {
        var x = SeparatedUnitVectors.Draw(10, 5, 0.3, seed: 2);
        Assert.True(ReluKernels.Theory.Conditioning.GramMatrix.Separation(ReluKernels.Theory.Conditioning.GramMatrix.Of(x)) >= 0.3);
        Assert.All(x, v => Assert.Equal(1, Math.Sqrt(v.Sum(e => e * e)), 1e-14));
    }
}
