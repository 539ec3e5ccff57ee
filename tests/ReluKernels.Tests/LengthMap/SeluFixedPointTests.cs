using MathNet.Numerics.Distributions;
using ReluKernels.Activations;
using ReluKernels.LengthMap;
using ReluKernels.Statistics;

namespace ReluKernels.Tests.LengthMap;

/// <summary>
/// SELU's fixed point under LeCun initialisation (Klambauer et al. 2017), in simulation: the squared length q^l of the
/// pre-activations stays at 1 in the wide limit. At finite width N it drifts: given layer l − 1, q^l has conditional mean
/// V(q^{l−1}) with V the length map, so E q^l = E V(q^{l−1}) ≠ V(E q^{l−1}) by a Jensen gap ≈ ½V''(1)·Var q ≈ V''(1)/N
/// per layer (Var q ≈ 2/N). So the test is the one the wide-limit claim makes: the drift is significantly smaller at
/// width 128 than at width 16 (one-sided z test at α = 1e-6 on the difference of two independent means).
/// </summary>
public sealed class SeluFixedPointTests
{
    [Fact]
    public void Selu_under_lecun_keeps_unit_length_in_the_wide_limit()
    {
        const int depth = 5;
        var narrow = Last(16, trials: 100_000);
        var wide = Last(128, trials: 10_000);
        // Both sides start at q⁰ = 1 and the recursion stays at its fixed point 1 (LengthMapTests pins V(1) = 1).
        double narrowDrift = Math.Abs(narrow.Mean - 1), wideDrift = Math.Abs(wide.Mean - 1);
        double se = Math.Sqrt(narrow.StandardError * narrow.StandardError + wide.StandardError * wide.StandardError);
        double critical = -Normal.InvCDF(0, 1, BinomialTest.Alpha);
        Assert.True(narrowDrift - wideDrift > critical * se,
            $"layer {depth}: width 16 gives {narrow.Mean:G5} ± {narrow.StandardError:G2}, width 128 gives {wide.Mean:G5} ± {wide.StandardError:G2}");

        static MeanEstimate Last(int width, int trials) =>
            LengthMapSimulation.Run(new Selu(), LengthMapInit.LeCun, new LengthMapSettings(width, depth, 0, trials, Seed: 23, Threads: 2),
                TestContext.Current.CancellationToken).Layers[^1].Simulated!.Value;
    }
}
