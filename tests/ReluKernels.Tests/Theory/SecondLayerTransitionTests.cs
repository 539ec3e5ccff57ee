using FsCheck.Xunit;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Theory;

/// <summary>
/// Shin &amp; Karniadakis 2020, Lemma 14 (four cases) and π₂ = π₁P₂. References: the printed closed form of case (a) and hand values,
/// direct sums over s with the closed-form p₂(s) for case (b), and MathNet quadrature of the Lemma-15 range form for
/// case (d).
/// </summary>
public class SecondLayerTransitionTests
{
    private static readonly FirstTwoLayersScheme[] AllSchemes = Enum.GetValues<FirstTwoLayersScheme>();

    [Fact]
    public void CaseAMatchesThePrintedRowAndHandValues()
    {
        // n₁ = 3, n₂ = 4: C(4, j)[(1 − 1/4)3^j/256 + 2^{1−3−4}]; j = 0: 3/1024 + 16/1024 = 19/1024;
        // j = 4: 243/1024 + 16/1024 = 259/1024.
        double[,] p = SecondLayerTransition.Matrix(FirstTwoLayersScheme.NoBiasThenNoBias, 3, 4, 1);
        Assert.Equal(4, p.GetLength(0));
        Assert.Equal(5, p.GetLength(1));
        TheoryAssert.Close(19.0 / 1024, p[3, 0], 1e-15);
        TheoryAssert.Close(259.0 / 1024, p[3, 4], 1e-15);
        foreach (var (n1, n2) in new[] { (1, 3), (2, 5), (3, 4), (7, 9), (12, 20) })
        {
            double[,] q = SecondLayerTransition.Matrix(FirstTwoLayersScheme.NoBiasThenNoBias, n1, n2, 0.7);
            for (int j = 0; j <= n2; j++)
            {
                double printed = MathNet.Numerics.SpecialFunctions.Binomial(n2, j)
                                 * ((1 - Math.Pow(2, 1 - n1)) * Math.Pow(3, j) / Math.Pow(4, n2) + Math.Pow(2, 1 - n1 - n2));
                TheoryAssert.Close(printed, q[n1, j], 1e-14, $"n1 = {n1}, n2 = {n2}, j = {j}");
            }
            for (int i = 0; i < n1; i++)
                for (int j = 0; j <= n2; j++)
                    Assert.Equal(j == 0 ? 1.0 : 0.0, q[i, j]);
        }
    }

    [Fact]
    public void CaseBMatchesDirectSumsWithTheClosedFormDeathProbability()
    {
        foreach (var (n1, n2, r) in new[] { (1, 3, 1.0), (2, 2, 0.5), (4, 5, 2.0), (6, 4, 1.0) })
        {
            double[,] p = SecondLayerTransition.Matrix(FirstTwoLayersScheme.NoBiasThenBias, n1, n2, r);
            for (int j = 0; j <= n2; j++)
            {
                double expected = 0;
                for (int s = 0; s <= n1; s++)
                    expected += MathNet.Numerics.SpecialFunctions.Binomial(n1, s) * Math.Pow(0.5, n1)
                                * TheoryAssert.BinomialTerm(n2, j, SecondLayerDeathProbability.GivenSignSplitClosedForm(n1, s, r));
                TheoryAssert.Close(expected, p[n1, j], 1e-12, $"n1 = {n1}, n2 = {n2}, r = {r}, j = {j}");
            }
        }
        // n₁ = 1, r = 1: p₂ = 3/8 for both signs, so the last row is Binomial(n₂, 5/8); n₂ = 2: [9/64, 30/64, 25/64].
        double[,] small = SecondLayerTransition.Matrix(FirstTwoLayersScheme.NoBiasThenBias, 1, 2, 1);
        TheoryAssert.Close(9.0 / 64, small[1, 0], 1e-14);
        TheoryAssert.Close(30.0 / 64, small[1, 1], 1e-14);
        TheoryAssert.Close(25.0 / 64, small[1, 2], 1e-14);
    }

    [Fact]
    public void CaseBAsPrintedDiffersFromCorrected()
    {
        double[,] corrected = SecondLayerTransition.Matrix(FirstTwoLayersScheme.NoBiasThenBias, 6, 4, 1);
        double[,] printed = SecondLayerTransition.Matrix(FirstTwoLayersScheme.NoBiasThenBias, 6, 4, 1, SignSplitAngle.AsPrinted);
        double maxDiff = 0;
        for (int j = 0; j <= 4; j++)
            maxDiff = Math.Max(maxDiff, Math.Abs(corrected[6, j] - printed[6, j]));
        Assert.True(maxDiff > 1e-4, $"max difference {maxDiff}");
    }

    [Fact]
    public void CaseCIsBinomialHalfAndItsPi2ByHand()
    {
        double[,] p = SecondLayerTransition.Matrix(FirstTwoLayersScheme.BiasThenNoBias, 1, 3, 2);
        Assert.Equal([1.0, 0, 0, 0], new[] { p[0, 0], p[0, 1], p[0, 2], p[0, 3] });
        double[] binomialHalf = [0.125, 0.375, 0.375, 0.125];
        for (int j = 0; j <= 3; j++)
            TheoryAssert.Close(binomialHalf[j], p[1, j], 1e-15, $"j = {j}");
        // r = 1: π₁ = (1/4, 3/4); π₂[0] = 1/4 + 3/4·1/8 = 11/32, π₂[3] = 3/4·1/8 = 3/32.
        double[] pi2 = SecondLayerTransition.SecondLayerDistribution(FirstTwoLayersScheme.BiasThenNoBias, 1, 3, 1);
        TheoryAssert.Close(11.0 / 32, pi2[0], 1e-15);
        TheoryAssert.Close(9.0 / 32, pi2[1], 1e-15);
        TheoryAssert.Close(3.0 / 32, pi2[3], 1e-15);
    }

    [Fact]
    public void CaseDMatchesQuadratureOfTheRangeForm()
    {
        foreach (var (n2, r) in new[] { (1, 1.0), (3, 0.5), (6, 2.0), (12, 1.0) })
        {
            double alphaR = Math.Atan(r), kink = Math.PI / 2 - alphaR, edge = Math.PI / 2 + alphaR;
            double P2(double w)
            {
                double radius = Math.Sqrt(1 + r * r);
                double yMax = radius * Math.Cos(w - alphaR), yMin = Math.Max(0, radius * Math.Cos(w + alphaR));
                return 0.5 - (Math.Atan(yMax) - Math.Atan(yMin)) / (2 * Math.PI);
            }
            double[,] p = SecondLayerTransition.Matrix(FirstTwoLayersScheme.BiasThenBias, 1, n2, r);
            for (int j = 0; j <= n2; j++)
            {
                int jj = j;
                double expected = (TheoryAssert.Integrate(w => TheoryAssert.BinomialTerm(n2, jj, P2(w)), 0, kink)
                                   + TheoryAssert.Integrate(w => TheoryAssert.BinomialTerm(n2, jj, P2(w)), kink, edge)) / edge;
                TheoryAssert.Close(expected, p[1, j], 1e-10, $"n2 = {n2}, r = {r}, j = {j}");
            }
        }
    }

    [Fact]
    public void FirstLayerDistributionsFollowLemma13()
    {
        Assert.Equal([0.0, 0, 0, 0, 1], SecondLayerTransition.FirstLayerDistribution(FirstTwoLayersScheme.NoBiasThenBias, 4, 1));
        double[] withBias = SecondLayerTransition.FirstLayerDistribution(FirstTwoLayersScheme.BiasThenBias, 1, 1);
        TheoryAssert.Close(0.25, withBias[0], 1e-15);
        TheoryAssert.Close(0.75, withBias[1], 1e-15);
    }

    [Property(MaxTest = 60)]
    public void RowsAndPi2AreDistributions(byte schemeRaw, byte n1Raw, byte n2Raw, ushort rRaw)
    {
        var scheme = AllSchemes[schemeRaw % AllSchemes.Length];
        int n1 = FirstLayerHasBias(scheme) ? 1 : 1 + n1Raw % 12;
        int n2 = 1 + n2Raw % 30;
        double r = 0.1 + rRaw / 65535.0 * 5;
        double[,] p = SecondLayerTransition.Matrix(scheme, n1, n2, r);
        for (int i = 0; i <= n1; i++)
        {
            double sum = 0;
            for (int j = 0; j <= n2; j++)
            {
                Assert.InRange(p[i, j], 0, 1);
                sum += p[i, j];
            }
            Assert.Equal(1.0, sum, 1e-12);
        }
        double[] pi2 = SecondLayerTransition.SecondLayerDistribution(scheme, n1, n2, r);
        Assert.Equal(1.0, pi2.Sum(), 1e-12);
    }

    private static bool FirstLayerHasBias(FirstTwoLayersScheme scheme) =>
        scheme is FirstTwoLayersScheme.BiasThenNoBias or FirstTwoLayersScheme.BiasThenBias;

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        TheoryAssert.OutOfRange("firstLayerWidth", () => SecondLayerTransition.Matrix(FirstTwoLayersScheme.BiasThenBias, 2, 3, 1));
        TheoryAssert.OutOfRange("firstLayerWidth", () => SecondLayerTransition.Matrix(FirstTwoLayersScheme.BiasThenNoBias, 3, 3, 1));
        TheoryAssert.OutOfRange("firstLayerWidth", () => SecondLayerTransition.Matrix(FirstTwoLayersScheme.NoBiasThenBias, 0, 3, 1));
        TheoryAssert.OutOfRange("secondLayerWidth", () => SecondLayerTransition.Matrix(FirstTwoLayersScheme.NoBiasThenNoBias, 2, 0, 1));
        TheoryAssert.OutOfRange("r", () => SecondLayerTransition.Matrix(FirstTwoLayersScheme.NoBiasThenNoBias, 2, 2, 0));
        TheoryAssert.OutOfRange("scheme", () => SecondLayerTransition.Matrix((FirstTwoLayersScheme)42, 2, 2, 1));
        TheoryAssert.OutOfRange("angle", () => SecondLayerTransition.Matrix(FirstTwoLayersScheme.NoBiasThenBias, 2, 2, 1, (SignSplitAngle)5));
        TheoryAssert.OutOfRange("firstLayerWidth", () => SecondLayerTransition.FirstLayerDistribution(FirstTwoLayersScheme.BiasThenBias, 3, 1));
    }
}
