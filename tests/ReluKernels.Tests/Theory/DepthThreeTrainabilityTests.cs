using FsCheck.Xunit;
using MathNet.Numerics;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Theory;

/// <summary>
/// Theorem 8 of Shin &amp; Karniadakis (2020) (depth 3, d_in = 1). References: hand values; the paper's multinomial triple sums written out
/// literally (Math.Pow, small sizes) with the true permanent-death probabilities; for case (d) MathNet quadrature of the
/// Lemma-15 range form. The printed formulas of cases (a) and (c) are shown to overshoot the exact trainability (the
/// disagreement is documented in DepthThreeTrainability and docs/theory/trainability.md).
/// </summary>
public class DepthThreeTrainabilityTests
{
    private static readonly FirstTwoLayersScheme[] AllSchemes = Enum.GetValues<FirstTwoLayersScheme>();

    /// <summary>
    /// Σ_{j≥m₂} C(n₂, j)(1 − p)^j p^{n₂−j} + Σ_{j=1}^{m₂−1} Σ_{l=0}^{n₂−m₂} n₂!/(g! j! l!)(1 − p)^j (p − pb)^g pb^l, g = n₂ − j − l.
    /// </summary>
    private static double LiteralConditional(int n2, int m2, double p, double pb)
    {
        double total = 0;
        for (int j = m2; j <= n2; j++)
            total += TheoryAssert.BinomialTerm(n2, j, p);
        for (int j = 1; j < m2; j++)
            for (int l = 0; l <= n2 - m2; l++)
            {
                int g = n2 - j - l;
                total += SpecialFunctions.Binomial(n2, j) * SpecialFunctions.Binomial(n2 - j, l)
                         * Math.Pow(1 - p, j) * Math.Pow(p - pb, g) * Math.Pow(pb, l);
            }
        return total;
    }

    private static double LiteralSignSplitAverage(int n1, Func<int, double> p, int n2, int m2, double pb)
    {
        double total = 0;
        for (int s = 0; s <= n1; s++)
            total += SpecialFunctions.Binomial(n1, s) * Math.Pow(0.5, n1) * LiteralConditional(n2, m2, p(s), pb);
        return total;
    }

    [Fact]
    public void CaseAPrintedExceedsOneWhileTheExactValueIsSeventeenThirtySeconds()
    {
        // n₁ = n₂ = m₂ = 2. Printed: first sum (1/2)·9/16 + 2^{−3} = 13/32; Q(1, 0) = (3/4)/2³ + (1/2)·3·(3/4 − 1/8)/2² = 21/64,
        // times the multinomial 2 → 21/32; total 34/32 = 17/16 > 1.
        // Exact (p_b = 2^{−2}): s ∈ {0, 2} (prob. 1/2): p = 1/2, j = 2: 1/4, j = 1: 2·(1/4)·P(the dead one is tentative) = 1/2·1/2;
        // s = 1 (prob. 1/2): p = 1/4 = p_b, j = 2: 9/16 only. Total 1/2·1/2 + 1/2·9/16 = 17/32.
        TheoryAssert.Close(17.0 / 16, DepthThreeTrainability.PaperLowerBound(FirstTwoLayersScheme.NoBiasThenNoBias, 2, 2, 1, 2, 1), 1e-14);
        TheoryAssert.Close(17.0 / 32, DepthThreeTrainability.Exact(FirstTwoLayersScheme.NoBiasThenNoBias, 2, 2, 2, 2, 1), 1e-14);
    }

    [Fact]
    public void CaseAWithOneFirstLayerNeuronEveryDeadNeuronIsPermanent()
    {
        // n₁ = 1: the layer-2 neuron is ReLU(w·ReLU(±x)); dead iff w ≤ 0, which is permanent. So the trainability is
        // P(Binomial(n₂, 1/2) ≥ m₂); n₂ = 3, m₂ = 2: 4/8.
        TheoryAssert.Close(0.5, DepthThreeTrainability.Exact(FirstTwoLayersScheme.NoBiasThenNoBias, 1, 3, 1, 2, 1), 1e-15);
    }

    [Fact]
    public void CaseAExactMatchesTheLiteralSums()
    {
        foreach (var (n1, n2, m2) in new[] { (2, 2, 2), (3, 4, 3), (4, 3, 3), (5, 7, 4), (3, 6, 1) })
        {
            double expected = LiteralSignSplitAverage(n1, s => s == 0 || s == n1 ? 0.5 : 0.25, n2, m2, Math.Pow(2, -n1));
            TheoryAssert.Close(expected, DepthThreeTrainability.Exact(FirstTwoLayersScheme.NoBiasThenNoBias, n1, n2, 1, m2, 0.5), 1e-13,
                $"n1 = {n1}, n2 = {n2}, m2 = {m2}");
        }
    }

    [Fact]
    public void CaseBByHandWithOneFirstLayerNeuron()
    {
        // n₁ = 1, r = 1: p₂ = 3/8 for both signs, p_b = 1/4, so a dead neuron is tentative with probability 1/3.
        // n₂ = m₂ = 2: (5/8)² + 2(5/8)(3/8)(1/3) = 25/64 + 10/64 = 35/64; the printed bound multiplies by 1 − p̂₁(1) = 3/4.
        TheoryAssert.Close(35.0 / 64, DepthThreeTrainability.Exact(FirstTwoLayersScheme.NoBiasThenBias, 1, 2, 1, 2, 1), 1e-14);
        TheoryAssert.Close(105.0 / 256, DepthThreeTrainability.PaperLowerBound(FirstTwoLayersScheme.NoBiasThenBias, 1, 2, 1, 2, 1), 1e-14);
        TheoryAssert.Close(5.0 / 8, DepthThreeTrainability.Exact(FirstTwoLayersScheme.NoBiasThenBias, 1, 1, 1, 1, 1), 1e-14);
    }

    [Fact]
    public void CaseBMatchesTheLiteralSums()
    {
        foreach (var (n1, n2, m2, r) in new[] { (2, 2, 2, 1.0), (3, 4, 3, 0.5), (4, 3, 2, 2.0), (6, 5, 3, 1.0) })
        {
            double bracket = LiteralSignSplitAverage(n1, s => SecondLayerDeathProbability.GivenSignSplitClosedForm(n1, s, r), n2, m2, Math.Pow(2, -n1 - 1));
            TheoryAssert.Close(bracket, DepthThreeTrainability.Exact(FirstTwoLayersScheme.NoBiasThenBias, n1, n2, 1, m2, r), 1e-12,
                $"exact, n1 = {n1}, n2 = {n2}, m2 = {m2}, r = {r}");
            double factor = Math.Pow(1 - Math.Atan(1 / r) / Math.PI, n1);
            TheoryAssert.Close(factor * bracket, DepthThreeTrainability.PaperLowerBound(FirstTwoLayersScheme.NoBiasThenBias, n1, n2, 1, m2, r), 1e-12,
                $"paper, n1 = {n1}, n2 = {n2}, m2 = {m2}, r = {r}");
        }
        // The as-printed angle changes the value (slightly: the s ∉ {0, n₁/2, n₁} terms carry little weight here).
        double corrected = DepthThreeTrainability.PaperLowerBound(FirstTwoLayersScheme.NoBiasThenBias, 6, 5, 1, 3, 1);
        double printed = DepthThreeTrainability.PaperLowerBound(FirstTwoLayersScheme.NoBiasThenBias, 6, 5, 1, 3, 1, SignSplitAngle.AsPrinted);
        Assert.True(Math.Abs(corrected - printed) > 1e-6, $"{corrected} vs {printed}");
    }

    [Fact]
    public void CaseCPrintedOmitsTheFirstLayerAndOverstatesPermanentDeath()
    {
        // Printed (c), n₂ = m₂ = 2: 2^{−2}·1 + C(2; 1, 1, 0)·2^{−4+1} = 1/4 + 1/4 = 1/2, whatever r.
        // Exact: P(m₁ = 1)·P(Binomial(2, 1/2) ≥ 2) = (1 − arctan(1/r)/π)/4; r = 1: 3/16.
        TheoryAssert.Close(0.5, DepthThreeTrainability.PaperLowerBound(FirstTwoLayersScheme.BiasThenNoBias, 1, 2, 1, 2, 1), 1e-15);
        TheoryAssert.Close(0.5, DepthThreeTrainability.PaperLowerBound(FirstTwoLayersScheme.BiasThenNoBias, 1, 2, 1, 2, 7), 1e-15);
        TheoryAssert.Close(3.0 / 16, DepthThreeTrainability.Exact(FirstTwoLayersScheme.BiasThenNoBias, 1, 2, 1, 2, 1), 1e-15);
        // n₂ = 4, m₂ = 3, r = 1/2: exact (1 − arctan 2/π)·5/16.
        TheoryAssert.Close((1 - Math.Atan(2) / Math.PI) * 5 / 16, DepthThreeTrainability.Exact(FirstTwoLayersScheme.BiasThenNoBias, 1, 4, 1, 3, 0.5), 1e-15);
    }

    [Fact]
    public void CaseDIsExactAndMatchesQuadrature()
    {
        foreach (var (n2, m2, r) in new[] { (1, 1, 1.0), (2, 2, 1.0), (4, 3, 0.5), (3, 2, 2.0) })
        {
            double alphaR = Math.Atan(r), kink = Math.PI / 2 - alphaR, edge = Math.PI / 2 + alphaR;
            double Integrand(double w)
            {
                double radius = Math.Sqrt(1 + r * r);
                double p = 0.5 - (Math.Atan(radius * Math.Cos(w - alphaR)) - Math.Atan(Math.Max(0, radius * Math.Cos(w + alphaR)))) / (2 * Math.PI);
                return LiteralConditional(n2, m2, p, 0.25);
            }
            double expected = (1 - Math.Atan(1 / r) / Math.PI)
                              * (TheoryAssert.Integrate(Integrand, 0, kink) + TheoryAssert.Integrate(Integrand, kink, edge)) / edge;
            TheoryAssert.Close(expected, DepthThreeTrainability.Exact(FirstTwoLayersScheme.BiasThenBias, 1, n2, 1, m2, r), 1e-10,
                $"n2 = {n2}, m2 = {m2}, r = {r}");
            Assert.Equal(DepthThreeTrainability.Exact(FirstTwoLayersScheme.BiasThenBias, 1, n2, 1, m2, r),
                DepthThreeTrainability.PaperLowerBound(FirstTwoLayersScheme.BiasThenBias, 1, n2, 1, m2, r));
        }
    }

    [Property(MaxTest = 60)]
    public void ExactLiesBetweenTheNaiveBoundsAndThePaperBoundsRelateAsDocumented(byte schemeRaw, byte n1Raw, byte n2Raw, byte m2Raw, ushort rRaw)
    {
        var scheme = AllSchemes[schemeRaw % AllSchemes.Length];
        bool firstBias = scheme is FirstTwoLayersScheme.BiasThenNoBias or FirstTwoLayersScheme.BiasThenBias;
        int n1 = firstBias ? 1 : 1 + n1Raw % 8;
        int n2 = 1 + n2Raw % 16, m2 = 1 + m2Raw % n2, m1 = 1 + n1Raw % n1;
        double r = 0.1 + rRaw / 65535.0 * 5;
        double exact = DepthThreeTrainability.Exact(scheme, n1, n2, m1, m2, r);
        double lower = DepthThreeTrainability.NoRevivalLowerBound(scheme, n1, n2, m1, m2, r);
        double upper = DepthThreeTrainability.AllRevivableUpperBound(scheme, n1, n2, m1, m2, r);
        double paper = DepthThreeTrainability.PaperLowerBound(scheme, n1, n2, m1, m2, r);
        string context = $"{scheme}, n1 = {n1}, n2 = {n2}, m2 = {m2}, r = {r}";
        Assert.True(0 <= lower && lower <= exact + 1e-14 && exact <= upper + 1e-14 && upper <= 1, $"{context}: {lower} <= {exact} <= {upper}");
        switch (scheme)
        {
            case FirstTwoLayersScheme.NoBiasThenBias:
                Assert.True(paper <= exact + 1e-14, $"{context}: paper {paper} is not below exact {exact}");
                break;
            case FirstTwoLayersScheme.BiasThenBias:
                TheoryAssert.Close(exact, paper, 1e-14, context);
                break;
            default: // (a), (c): the printed expression never undershoots the exact value
                Assert.True(paper >= exact - 1e-14, $"{context}: paper {paper} below exact {exact}");
                break;
        }
    }

    [Fact]
    public void PrintedCaseAIsUnboundedAboveOne()
    {
        // n₁ = 3, n₂ = 4, m₂ = 3 (throwaway exact-rational check gave 3.128, while the exact value is 0.9087).
        Assert.True(DepthThreeTrainability.PaperLowerBound(FirstTwoLayersScheme.NoBiasThenNoBias, 3, 4, 1, 3, 1) > 3);
        TheoryAssert.Close(0.90869140625, DepthThreeTrainability.Exact(FirstTwoLayersScheme.NoBiasThenNoBias, 3, 4, 1, 3, 1), 1e-13);
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        TheoryAssert.OutOfRange("firstLayerRequired", () => DepthThreeTrainability.Exact(FirstTwoLayersScheme.NoBiasThenBias, 3, 3, 4, 1, 1));
        TheoryAssert.OutOfRange("firstLayerRequired", () => DepthThreeTrainability.Exact(FirstTwoLayersScheme.NoBiasThenBias, 3, 3, 0, 1, 1));
        TheoryAssert.OutOfRange("secondLayerRequired", () => DepthThreeTrainability.PaperLowerBound(FirstTwoLayersScheme.NoBiasThenNoBias, 3, 3, 1, 4, 1));
        TheoryAssert.OutOfRange("secondLayerRequired", () => DepthThreeTrainability.NoRevivalLowerBound(FirstTwoLayersScheme.NoBiasThenNoBias, 3, 3, 1, 0, 1));
        TheoryAssert.OutOfRange("firstLayerWidth", () => DepthThreeTrainability.Exact(FirstTwoLayersScheme.BiasThenBias, 2, 3, 1, 1, 1));
        TheoryAssert.OutOfRange("secondLayerWidth", () => DepthThreeTrainability.AllRevivableUpperBound(FirstTwoLayersScheme.BiasThenNoBias, 1, 0, 1, 1, 1));
        TheoryAssert.OutOfRange("r", () => DepthThreeTrainability.Exact(FirstTwoLayersScheme.BiasThenBias, 1, 3, 1, 1, double.NaN));
        TheoryAssert.OutOfRange("scheme", () => DepthThreeTrainability.Exact((FirstTwoLayersScheme)(-1), 1, 3, 1, 1, 1));
    }
}
