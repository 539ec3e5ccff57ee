using FsCheck.Xunit;
using MathNet.Numerics;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Theory;

/// <summary>
/// Shin &amp; Karniadakis 2020, Lemma 13, Theorem 3, the over-specification width and Theorem 6's condition (4). Worked numbers are the
/// paper's (checked by hand below); binomial tails are held against MathNet's regularised incomplete beta
/// (P(Binomial(n, q) ≥ m) = I_q(m, n − m + 1)), an independent method.
/// </summary>
public class ShallowTrainabilityTests
{
    private const LayerScheme Bias = LayerScheme.NormalWithBias;
    private const LayerScheme NoBias = LayerScheme.NormalWithoutBias;

    [Fact]
    public void WidthTwoOnTheUnitIntervalFailsWithProbabilitySevenSixteenths()
    {
        // Paper, §1 and after Theorem 3: d = 1, r = 1, p̂ = 1/4, so P(both active) = (3/4)² = 0.5625 and the failure
        // probability is 0.4375 ("greater than 0.43").
        foreach (var scheme in new[] { LayerScheme.NormalWithBias, LayerScheme.HypersphereWithBias })
        {
            TheoryAssert.Close(0.5625, ShallowTrainability.Trainability(scheme, 2, 2, 1, 1), 1e-15);
            TheoryAssert.Close(0.4375, ShallowTrainability.FailureProbability(scheme, 2, 2, 1, 1), 1e-15);
        }
    }

    [Fact]
    public void WithoutBiasTheNetworkIsAlwaysTrainable()
    {
        foreach (var scheme in new[] { LayerScheme.NormalWithoutBias, LayerScheme.HypersphereWithoutBias })
        {
            Assert.Equal(1.0, ShallowTrainability.Trainability(scheme, 5, 5, 3, 0.1));
            Assert.Equal(0.0, ShallowTrainability.FailureProbability(scheme, 5, 5, 3, 0.1));
            Assert.Equal([0.0, 0, 0, 1], ShallowTrainability.ActiveCountDistribution(scheme, 3, 2, 1));
            Assert.Equal(7.0, ShallowTrainability.MeanActiveCount(scheme, 7, 4, 2));
            Assert.Equal(9, ShallowTrainability.MinimumWidth(scheme, 9, 2, 1, 0.999));
        }
    }

    [Fact]
    public void ActiveCountDistributionIsBinomialByHand()
    {
        // d = 1, r = 1, n = 2: Binomial(2, 3/4) = [1/16, 6/16, 9/16].
        double[] pi = ShallowTrainability.ActiveCountDistribution(Bias, 2, 1, 1);
        Assert.Equal(3, pi.Length);
        TheoryAssert.Close(1.0 / 16, pi[0], 1e-15);
        TheoryAssert.Close(6.0 / 16, pi[1], 1e-15);
        TheoryAssert.Close(9.0 / 16, pi[2], 1e-15);
    }

    [Fact]
    public void FigureSevenSixNeuronsDieWithProbabilityPointEight()
    {
        // Appendix E, Figure 7: n₁ = 6, r = 1, first layer with bias: "with probability 0.8, at least one neuron in the
        // 1st hidden layer will be dead" — exactly 1 − (3/4)^6 = 0.822.
        TheoryAssert.Relative(1 - Math.Pow(0.75, 6), ShallowTrainability.FailureProbability(LayerScheme.HypersphereWithBias, 6, 6, 1, 1), 1e-14);
    }

    [Fact]
    public void MeanActiveCountAtWidth500IsThreeHundredSeventyFive()
    {
        // §4: "only 375 neurons will be active among 500 neurons on average" (d = 1, r = 1).
        TheoryAssert.Close(375, ShallowTrainability.MeanActiveCount(Bias, 500, 1, 1), 1e-11);
    }

    [Fact]
    public void OverSpecifiedWidthForTwoHundredNeuronsIsThreeHundred()
    {
        // After Theorem 3: d = 1, r = 1/√3 (p̂ = 1/3), m = 200 → n = 200/(2/3) = 300.
        TheoryAssert.Close(300, ShallowTrainability.OverSpecifiedWidth(200, 1, 1 / Math.Sqrt(3)), 1e-9);
    }

    [Theory]
    [InlineData(0.5, 2)]  // n = 2: (3/4)² = 0.5625
    [InlineData(0.8, 3)]  // n = 3: 3·(3/4)²(1/4) + (3/4)³ = 54/64 = 0.84375
    [InlineData(0.9, 4)]  // n = 4: 1 − 1/256 − 12/256 = 243/256 = 0.9492
    [InlineData(0.95, 5)] // n = 5: 1 − 1/1024 − 15/1024 = 1008/1024 = 0.984
    public void MinimumWidthForTwoNeuronsByHand(double target, int expected) =>
        Assert.Equal(expected, ShallowTrainability.MinimumWidth(Bias, 2, 1, 1, target));

    [Theory]
    [InlineData(200, 1, 0.57735026918962576, 0.5)]
    [InlineData(200, 1, 0.57735026918962576, 0.99)]
    [InlineData(50, 3, 1.0, 0.9)]
    [InlineData(1, 10, 0.5, 0.999999)]
    public void MinimumWidthIsTheFirstWidthReachingTheTarget(int m, int d, double r, double target)
    {
        int n = ShallowTrainability.MinimumWidth(Bias, m, d, r, target);
        double q = 1 - BornDeadProbability.Value(d, r);
        // Independent tails: P(Binomial(n, q) ≥ m) = I_q(m, n − m + 1).
        Assert.True(SpecialFunctions.BetaRegularized(m, n - m + 1, q) >= target - 1e-12, $"n = {n} does not reach {target}");
        if (n > m)
            Assert.True(SpecialFunctions.BetaRegularized(m, n - m, q) < target + 1e-12, $"n − 1 = {n - 1} already reaches {target}");
    }

    [Property(MaxTest = 300)]
    public void TrainabilityIsTheBinomialTail(byte nRaw, byte mRaw, byte dRaw, ushort rRaw)
    {
        int n = 1 + nRaw % 200, m = 1 + mRaw % n, d = 1 + dRaw % 12;
        double r = 0.1 + rRaw / 65535.0 * 5;
        double q = 1 - BornDeadProbability.Value(d, r);
        double train = ShallowTrainability.Trainability(Bias, n, m, d, r);
        double fail = ShallowTrainability.FailureProbability(Bias, n, m, d, r);
        TheoryAssert.Close(SpecialFunctions.BetaRegularized(m, n - m + 1, q), train, 1e-12, $"n = {n}, m = {m}, d = {d}, r = {r}");
        TheoryAssert.Close(1, train + fail, 1e-13, "trainability + failure");
        Assert.InRange(train, 0, 1);
    }

    [Fact]
    public void TinyFailureProbabilityKeepsItsRelativeAccuracy()
    {
        // n = 200, m = 1, d = 1, r = 1: P(all dead) = (1/4)^200 = 2^−400.
        TheoryAssert.Relative(Math.Pow(2, -400), ShallowTrainability.FailureProbability(Bias, 200, 1, 1, 1), 1e-12);
    }

    [Property(MaxTest = 200)]
    public void MeanActiveCountRespectsThePapersLowerBound(byte nRaw, byte dRaw, ushort rRaw)
    {
        int n = 1 + nRaw, d = 1 + dRaw % 10;
        double r = 0.1 + rRaw / 65535.0 * 10;
        double mean = ShallowTrainability.MeanActiveCount(Bias, n, d, r);
        Assert.True(ShallowTrainability.MeanActiveCountLowerBound(n, d, r) <= mean * (1 + 1e-14), $"n = {n}, d = {d}, r = {r}");
        // And it is the mean of the distribution.
        double[] pi = ShallowTrainability.ActiveCountDistribution(Bias, n, d, r);
        double first = 0;
        for (int j = 0; j <= n; j++)
            first += j * pi[j];
        TheoryAssert.Close(mean, first, 1e-11 * n, "mean of pi_1");
    }

    [Fact]
    public void FirstLayerTransitionHasTheDistributionAsItsLastRow()
    {
        double[,] p = ShallowTrainability.FirstLayerTransition(Bias, 3, 2, 1);
        Assert.Equal(3, p.GetLength(0));
        Assert.Equal(4, p.GetLength(1));
        double[] pi = ShallowTrainability.ActiveCountDistribution(Bias, 3, 2, 1);
        for (int j = 0; j <= 3; j++)
        {
            Assert.Equal(j == 0 ? 1.0 : 0.0, p[0, j]);
            Assert.Equal(j == 0 ? 1.0 : 0.0, p[1, j]);
            Assert.Equal(pi[j], p[2, j]);
        }
    }

    [Fact]
    public void Theorem6ConditionByHand()
    {
        // d = 1, r = 1: C_r = ½ ln 2, right side = (1/√2)/π = 0.2251.
        var fails = ShallowTrainability.OverParameterizationNecessity(1, 1, 1, 0.5);
        TheoryAssert.Relative(0.5 * Math.Log(2), fails.Cr, 1e-15);
        TheoryAssert.Relative(1 / (Math.Sqrt(2) * Math.PI), fails.RightSide, 1e-15);
        TheoryAssert.Relative(0.5, fails.LeftSide, 1e-15); // 1 − (1/2)^1
        Assert.False(fails.Holds);
        var holds = ShallowTrainability.OverParameterizationNecessity(10, 1, 1, 0.5);
        TheoryAssert.Relative(1 - Math.Pow(0.5, 0.1), holds.LeftSide, 1e-14); // 0.0670
        Assert.True(holds.Holds);
    }

    [Property(MaxTest = 300)]
    public void WhenConditionFourHoldsWidthMIsUntrainableWithProbabilityDelta(byte mRaw, byte dRaw, ushort rRaw, ushort deltaRaw)
    {
        // Theorem 6's argument: (4) ⇒ (1 − p̂)^m < 1 − δ, i.e. the width-m network is trainable with probability < 1 − δ.
        int m = 1 + mRaw, d = 1 + dRaw % 6;
        double r = 0.2 + rRaw / 65535.0 * 5;
        double delta = (1 + deltaRaw) / 65537.0;
        var c = ShallowTrainability.OverParameterizationNecessity(m, d, r, delta);
        Assert.True(c.LeftSide > 0 && c.RightSide > 0);
        if (c.Holds)
            Assert.True(ShallowTrainability.Trainability(Bias, m, m, d, r) < 1 - delta, $"m = {m}, d = {d}, r = {r}, delta = {delta}");
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        TheoryAssert.OutOfRange("required", () => ShallowTrainability.Trainability(Bias, 3, 4, 1, 1));
        TheoryAssert.OutOfRange("required", () => ShallowTrainability.Trainability(Bias, 3, 0, 1, 1));
        TheoryAssert.OutOfRange("width", () => ShallowTrainability.Trainability(Bias, 0, 1, 1, 1));
        TheoryAssert.OutOfRange("inputDim", () => ShallowTrainability.FailureProbability(Bias, 3, 1, 0, 1));
        TheoryAssert.OutOfRange("r", () => ShallowTrainability.Trainability(Bias, 3, 1, 1, -1));
        TheoryAssert.OutOfRange("r", () => ShallowTrainability.MeanActiveCount(NoBias, 3, 1, double.NaN));
        TheoryAssert.OutOfRange("firstLayer", () => ShallowTrainability.Trainability((LayerScheme)17, 3, 1, 1, 1));
        TheoryAssert.OutOfRange("width", () => ShallowTrainability.ActiveCountDistribution(Bias, 0, 1, 1));
        TheoryAssert.OutOfRange("required", () => ShallowTrainability.OverSpecifiedWidth(0, 1, 1));
        TheoryAssert.OutOfRange("width", () => ShallowTrainability.MeanActiveCountLowerBound(0, 1, 1));
        foreach (double bad in new[] { 0.0, 1.0, -0.5, 1.5, double.NaN })
        {
            TheoryAssert.OutOfRange("trainability", () => ShallowTrainability.MinimumWidth(Bias, 2, 1, 1, bad));
            TheoryAssert.OutOfRange("delta", () => ShallowTrainability.OverParameterizationNecessity(2, 1, 1, bad));
        }
        TheoryAssert.OutOfRange("required", () => ShallowTrainability.OverParameterizationNecessity(0, 1, 1, 0.5));
    }
}
