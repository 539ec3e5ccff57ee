using ReluKernels.Theory;

namespace ReluKernels.Tests.Trainability;

/// <summary>
/// Shin &amp; Karniadakis 2020, Theorem 10 (E_X[q(x)] of the data-dependent initialisation) and eq. (5) against simulation of the real
/// initializer and the generic forward kernel; a two-sided z test at α = 1e-6 on the mean over networks.
/// </summary>
public sealed class DataDependentTheoryAgreementTests
{
    // 6 points in 2-D, row-major (for the theory) — the seed's check used m = 6, d = 2, h = 3.
    private static readonly double[] RowMajor = [0.1, -0.7, 0.9, 0.4, -0.5, 0.5, -0.8, -0.2, 0.3, 0.8, 0.6, -0.6];

    private static double[] FeatureMajor(double[] rowMajor, int d)
    {
        int m = rowMajor.Length / d;
        var result = new double[rowMajor.Length];
        for (int j = 0; j < m; j++)
            for (int k = 0; k < d; k++)
                result[k * m + j] = rowMajor[j * d + k];
        return result;
    }

    [Theory]
    [InlineData(18, 0.7, 1.3, 0.4)]  // h = 3
    [InlineData(6, 1.0, 0.5, 0.0)]   // h = 1, s = 0
    [InlineData(11, 0.5, 1.0, 2.0)]  // m does not divide n: neuron i sits at point i mod m
    public void Theorem_10_gives_the_mean_squared_output(int width, double sigmaIn, double sigmaOut, double s)
    {
        double[] points = FeatureMajor(RowMajor, 2);
        var init = new DataDependentInitializer(points, 2, sigmaIn * sigmaIn, sigmaOut * sigmaOut, s);
        var estimate = Sim.SecondMoment(points, new NetworkArchitecture(width, 1, inputDim: 2), init, 200_000, seed: (ulong)width).Estimate();
        double theory = DataDependentInitTheory.ExpectedMeanSquaredOutput(RowMajor, 2, width, sigmaIn, sigmaOut, s);
        Assert.True(estimate.AgreesWith(theory), $"n = {width}: simulated {estimate.Mean} ± {estimate.StandardError} vs Theorem 10 {theory}");
    }

    [Fact]
    public void Equation_5_matches_the_He_initialisation_without_bias()
    {
        const int width = 12;
        double[] points = FeatureMajor(RowMajor, 2);
        var ddi = DataDependentInitializer.WithEquation5(points, 2, width);
        var v = DataDependentInitTheory.Eq5Variances(RowMajor, 2, width);
        Assert.Equal((v.InputVariance, v.OutputVariance, 0.0), (ddi.WeightVariance, ddi.OutputVariance, ddi.NoiseRatio));
        var net = new NetworkArchitecture(width, 1, inputDim: 2);
        var withData = Sim.SecondMoment(points, net, ddi, 200_000, seed: 3).Estimate();
        var he = Sim.SecondMoment(points, net, NormalInitializer.HeWithoutBias, 200_000, seed: 4).Estimate();
        // He without bias: E_X[q] = (2/(d·m))‖X‖_F² (Shin & Karniadakis 2020, §4.1); both simulations must agree with it.
        double frobenius2 = RowMajor.Sum(x => x * x);
        double expected = 2.0 / (2 * 6) * frobenius2;
        Assert.True(he.AgreesWith(expected), $"He: {he.Mean} ± {he.StandardError} vs {expected}");
        Assert.True(withData.AgreesWith(expected), $"eq. (5): {withData.Mean} ± {withData.StandardError} vs {expected}");
    }
}
