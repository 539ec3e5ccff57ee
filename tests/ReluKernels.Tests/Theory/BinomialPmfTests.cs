using System.Numerics;
using MathNet.Numerics;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Theory;

/// <summary>
/// The internal Loader binomial used by the Shin &amp; Karniadakis (2020) theory. References: exact rational values (BigInteger) and MathNet's
/// incomplete beta for tails.
/// </summary>
public class BinomialPmfTests
{
    [Fact]
    public void MatchesExactRationalValues()
    {
        // p = 1/4 is exact in binary: P(X = k) = C(n, k)·3^{n−k}/4^n. Loader's deviance term x ln(x/np) + np − x loses
        // ~|x ln(x/np)|·ε in the far tail (the same as R's dbinom), hence 3e−14 rather than a few ulps.
        for (int n = 0; n <= 60; n++)
            for (int k = 0; k <= n; k++)
            {
                BigInteger numerator = Choose(n, k) * BigInteger.Pow(3, n - k);
                double expected = (double)numerator * Math.ScaleB(1.0, -2 * n);
                TheoryAssert.Relative(expected, BinomialPmf.Value(n, k, 0.25, 0.75), 3e-14, $"n = {n}, k = {k}");
            }
    }

    [Fact]
    public void LogChooseIsAccurateForLargeN()
    {
        foreach (var (n, k) in new[] { (50, 25), (1000, 3), (1000, 500), (100000, 31415) })
            TheoryAssert.Relative(BigInteger.Log(Choose(n, k)), BinomialPmf.LogChoose(n, k), 1e-14, $"C({n}, {k})");
    }

    [Fact]
    public void LargeDistributionsSumToOneAndTailsMatchTheIncompleteBeta()
    {
        foreach (var (n, p) in new[] { (1000, 0.3), (100000, 0.999), (7, 1e-9) })
        {
            double sum = BinomialPmf.RangeProbability(n, 0, n, p, 1 - p);
            Assert.Equal(1.0, sum, 1e-13);
        }
        foreach (var (n, m, p) in new[] { (200, 150, 0.75), (60, 3, 0.1), (500, 480, 0.95) })
            TheoryAssert.Close(SpecialFunctions.BetaRegularized(m, n - m + 1, p), BinomialPmf.UpperTail(n, m, p, 1 - p), 1e-13, $"n = {n}, m = {m}");
    }

    [Fact]
    public void DegenerateProbabilities()
    {
        Assert.Equal(1.0, BinomialPmf.Value(5, 0, 0, 1));
        Assert.Equal(0.0, BinomialPmf.Value(5, 1, 0, 1));
        Assert.Equal(1.0, BinomialPmf.Value(5, 5, 1, 0));
        Assert.Equal(0.0, BinomialPmf.Value(5, 6, 0.5, 0.5));
        Assert.Equal(1.0, BinomialPmf.LowerTail(4, 4, 1, 0));
        Assert.Equal(0.0, BinomialPmf.LowerTail(4, 3, 1, 0));
    }

    private static BigInteger Choose(int n, int k)
    {
        BigInteger c = 1;
        for (int i = 1; i <= k; i++)
            c = c * (n - k + i) / i;
        return c;
    }
}
