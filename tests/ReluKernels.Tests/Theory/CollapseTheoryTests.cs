using System.Globalization;
using FsCheck.Xunit;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Theory;

/// <summary>
/// Lu et al. 2019, Lemma 7, Theorems 8 and 9, Eq. (5) and the journal version's born-dead bounds. Expected values are worked
/// out by hand or recomputed here from the published formulas (docs/theory/collapse.md), never copied from the code under test.
/// </summary>
public class CollapseTheoryTests
{
    private const int MaxWidth = 16;
    private const int MaxDepth = 60;

    // ---- Lemma 7 -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(3, 0.125)]
    [InlineData(10, 1.0 / 1024)]
    public void OneLayerZeroProbabilityIsTwoToTheMinusWidth(int outputs, double expected) =>
        Assert.Equal(expected, CollapseTheory.OneLayerZeroProbability(outputs));

    // ---- Theorem 8 -----------------------------------------------------------------------------------------------

    [Fact]
    public void WidthTwoDepthTwoIsSevenSixteenths()
    {
        // 1 - (3/4)^2 = 7/16, both overloads.
        Assert.Equal(7.0 / 16, CollapseTheory.PerInputZeroProbability(2, 2), 1e-15);
        Assert.Equal(7.0 / 16, CollapseTheory.PerInputZeroProbability([2, 2], lastLayerRelu: true), 1e-15);
    }

    [Fact]
    public void WidthsTwoThreeWithAndWithoutLastRelu()
    {
        // ReLU on both layers: 1 - (3/4)(7/8) = 11/32. Linear last layer: only layer 1 counts, 1 - 3/4 = 1/4.
        Assert.Equal(11.0 / 32, CollapseTheory.PerInputZeroProbability([2, 3], lastLayerRelu: true), 1e-15);
        Assert.Equal(1.0 / 4, CollapseTheory.PerInputZeroProbability([2, 3], lastLayerRelu: false), 1e-15);
        // A single linear layer never maps x != 0 to 0 (empty product).
        Assert.Equal(0.0, CollapseTheory.PerInputZeroProbability([5], lastLayerRelu: false));
        // Three layers 1, 2, 3 with ReLU: 1 - (1/2)(3/4)(7/8) = 1 - 21/64 = 43/64.
        Assert.Equal(43.0 / 64, CollapseTheory.PerInputZeroProbability([1, 2, 3], lastLayerRelu: true), 1e-15);
    }

    [Property(MaxTest = 200)]
    public void SpanFormMatchesTheProductAndDropsTheLinearLastLayer(byte[] raw)
    {
        var widths = Array.ConvertAll(raw is { Length: > 0 } ? raw : [0], b => 1 + b % 12);
        double survival = 1;
        foreach (int n in widths)
            survival *= 1 - Math.Pow(2, -n);
        Assert.Equal(1 - survival, CollapseTheory.PerInputZeroProbability(widths, lastLayerRelu: true), 1e-12);
        double linear = CollapseTheory.PerInputZeroProbability(widths, lastLayerRelu: false);
        double withoutLast = widths.Length == 1 ? 0 : CollapseTheory.PerInputZeroProbability(widths.AsSpan(0, widths.Length - 1), true);
        Assert.Equal(withoutLast, linear, 1e-15);
    }

    [Property(MaxTest = 200)]
    public void EqualWidthOverloadMatchesSpanForm(byte w, byte d)
    {
        int width = 1 + w % MaxWidth, depth = 1 + d % MaxDepth;
        var widths = Enumerable.Repeat(width, depth).ToArray();
        Assert.Equal(CollapseTheory.PerInputZeroProbability(widths, true), CollapseTheory.PerInputZeroProbability(width, depth), 1e-14);
        Assert.Equal(1 - Math.Pow(1 - Math.Pow(2, -width), depth), CollapseTheory.PerInputZeroProbability(width, depth), 1e-12);
    }

    [Fact]
    public void TinyProbabilitiesAtLargeWidthKeepTheirRelativeAccuracy()
    {
        // 1 - (1 - e)^3 = 3e - 3e^2 + e^3 with e = 2^-64; naive double arithmetic returns 0 (1 - 2^-64 rounds to 1).
        double e = Math.Pow(2, -64);
        AssertRelative(3 * e - 3 * e * e, CollapseTheory.PerInputZeroProbability(64, 3), 1e-14);
        AssertRelative(2 * e, CollapseTheory.PerInputZeroProbability([64, 64, 7], lastLayerRelu: false), 1e-14);
    }

    // ---- Theorem 9 -----------------------------------------------------------------------------------------------

    [Fact]
    public void WithBiasesOnlyTheLastOrSecondToLastWidthMatters()
    {
        Assert.Equal(1.0 / 8, CollapseTheory.PerInputZeroProbabilityWithBiases([2, 3], lastLayerRelu: true));
        Assert.Equal(1.0 / 4, CollapseTheory.PerInputZeroProbabilityWithBiases([2, 3], lastLayerRelu: false));
        Assert.Equal(1.0 / 32, CollapseTheory.PerInputZeroProbabilityWithBiases([5], lastLayerRelu: true));
        Assert.Equal(1.0 / 128, CollapseTheory.PerInputZeroProbabilityWithBiases([2, 2, 2, 2, 7], lastLayerRelu: true));
        Assert.Equal(1.0 / 4, CollapseTheory.PerInputZeroProbabilityWithBiases([2, 2, 2, 2, 7], lastLayerRelu: false));
        Assert.Equal(1.0 / 2, CollapseTheory.PerInputZeroProbabilityWithBiases([9, 1, 4], lastLayerRelu: false));
    }

    [Fact]
    public void WithBiasesALinearSingleLayerIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => CollapseTheory.PerInputZeroProbabilityWithBiases([3], lastLayerRelu: false));
        Assert.Equal("layerWidths", ex.ParamName);
    }

    // ---- Eq. (5) -------------------------------------------------------------------------------------------------

    /// <summary>Fig. 6B table of the reference (values printed to the shown number of decimals).</summary>
    [Theory]
    [InlineData(2, 0.01, "0.03")]
    [InlineData(3, 0.01, "0.08")]
    [InlineData(4, 0.01, "0.16")]
    [InlineData(5, 0.01, "0.32")]
    [InlineData(6, 0.01, "0.64")]
    [InlineData(7, 0.01, "1.28")]
    [InlineData(8, 0.01, "2.57")]
    [InlineData(9, 0.01, "5.14")]
    [InlineData(10, 0.01, "10.29")]
    [InlineData(11, 0.01, "20.58")]
    [InlineData(12, 0.01, "41.16")]
    [InlineData(13, 0.01, "82.33")]
    [InlineData(14, 0.01, "164.7")]
    [InlineData(15, 0.01, "329.3")]
    [InlineData(16, 0.01, "658.7")] // the reference prints 658.6, but ln(0.99)/ln(1 - 2^-16) = 658.6538 (checked with 30-digit mpmath)
    [InlineData(2, 0.1, "0.37")]
    [InlineData(3, 0.1, "0.79")]
    [InlineData(4, 0.1, "1.63")]
    [InlineData(5, 0.1, "3.32")]
    [InlineData(6, 0.1, "6.69")]
    [InlineData(7, 0.1, "13.43")]
    [InlineData(8, 0.1, "26.92")]
    [InlineData(9, 0.1, "53.89")]
    [InlineData(10, 0.1, "107.8")]
    [InlineData(11, 0.1, "215.7")]
    [InlineData(12, 0.1, "431.5")]
    [InlineData(13, 0.1, "863.1")]
    [InlineData(14, 0.1, "1726")]
    [InlineData(15, 0.1, "3452")]
    [InlineData(16, 0.1, "6905")]
    public void MaxDepthReproducesThePublishedTable(int width, double p, string printed)
    {
        double expected = double.Parse(printed, CultureInfo.InvariantCulture);
        int decimals = printed.Contains('.') ? printed.Length - printed.IndexOf('.') - 1 : 0;
        double halfUnit = 0.5 * Math.Pow(10, -decimals);
        double actual = CollapseTheory.MaxDepthForZeroProbability(width, p);
        Assert.True(Math.Abs(actual - expected) <= halfUnit + 1e-12, $"N = {width}, p = {p}: {actual} does not round to {printed}");
    }

    [Property(MaxTest = 300)]
    public void MaxDepthIsTheThresholdOfTheorem8(byte w, ushort q)
    {
        int width = 1 + w % MaxWidth;
        double p = (1 + q % 999) / 1000.0;
        double lMax = CollapseTheory.MaxDepthForZeroProbability(width, p);
        Assert.True(lMax > 0);
        int floor = (int)Math.Floor(lMax);
        if (floor >= 1)
            Assert.True(CollapseTheory.PerInputZeroProbability(width, floor) <= p * (1 + 1e-12));
        Assert.True(CollapseTheory.PerInputZeroProbability(width, floor + 1) > p * (1 - 1e-12));
    }

    [Fact]
    public void MaxDepthAtLargeWidth()
    {
        // ln(1/2) / ln(1 - 2^-64) = ln 2 · 2^64 (1 + O(2^-64)).
        AssertRelative(Math.Log(2) * Math.Pow(2, 64), CollapseTheory.MaxDepthForZeroProbability(64, 0.5), 1e-14);
        Assert.Equal(double.PositiveInfinity, CollapseTheory.MaxDepthForZeroProbability(2000, 0.5));
    }

    // ---- Refined born-dead bounds --------------------------------------------------------------------------------

    /// <summary>The journal formula exactly as quoted in Shin &amp; Karniadakis 2020, Appendix G, with exponent k = H − 1.</summary>
    private static double PublishedLowerBound(int n, int hiddenLayers)
    {
        double a1 = 1 - Math.Pow(2, -n);
        double a2 = 1 - Math.Pow(2, -n + 1) - (n - 1) * Math.Pow(2, -2 * n);
        double c = (1 - Math.Pow(2, -n + 1)) * (1 - Math.Pow(2, -n)) / (1 + (n - 1) * Math.Pow(2, -n));
        int k = hiddenLayers - 1;
        return 1 - Math.Pow(a1, k) + c * (Math.Pow(a2, k) - Math.Pow(a1, k));
    }

    [Fact]
    public void LowerBoundAtWidthTwoTwoHiddenLayersIsFiveThirtySeconds()
    {
        // a1 = 3/4, a2 = 7/16, c = 3/10: 1 - 3/4 + (3/10)(7/16 - 3/4) = 5/32, Theorem 10's value at L = 2.
        Assert.Equal(5.0 / 32, CollapseTheory.BornDeadLowerBound(2, 2), 1e-15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    public void OneHiddenLayerIsNeverBornDead(int width)
    {
        Assert.Equal(0.0, CollapseTheory.BornDeadLowerBound(width, 1));
        Assert.Equal(0.0, CollapseTheory.BornDeadUpperBound(width, 1));
    }

    [Fact]
    public void BoundsMatchThePublishedClosedFormsOnTheWholeGrid()
    {
        for (int n = 1; n <= MaxWidth; n++)
            for (int h = 1; h <= MaxDepth; h++)
            {
                Assert.Equal(PublishedLowerBound(n, h), CollapseTheory.BornDeadLowerBound(n, h), 1e-13);
                Assert.Equal(1 - Math.Pow(1 - Math.Pow(2, -n), h - 1), CollapseTheory.BornDeadUpperBound(n, h), 1e-13);
            }
    }

    [Fact]
    public void AtWidthOneTheBoundsCoincide()
    {
        // n = 1: a2 = 0 and c = 0, so both bounds are 1 - 2^-(H-1) (one neuron, alive on one side, halves each layer).
        for (int h = 1; h <= 50; h++)
        {
            Assert.Equal(1 - Math.Pow(2, -(h - 1)), CollapseTheory.BornDeadLowerBound(1, h), 1e-15);
            Assert.Equal(1 - Math.Pow(2, -(h - 1)), CollapseTheory.BornDeadUpperBound(1, h), 1e-15);
        }
    }

    [Fact]
    public void LowerBoundAtTwoHiddenLayersIsThreeESquaredMinusTwoECubedAtEveryWidth()
    {
        // With e = 2^-n: 1 - a1 + c(a2 - a1) = e - (1-2e)(1-e)e = 3e^2 - 2e^3, which the closed form loses to
        // cancellation at large n.
        for (int n = 1; n <= 64; n++)
        {
            double e = Math.Pow(2, -n);
            AssertRelative(3 * e * e - 2 * e * e * e, CollapseTheory.BornDeadLowerBound(n, 2), 1e-14);
        }
    }

    [Fact]
    public void BoundsAtHugeDepthAreFastAndFinite()
    {
        double lower = CollapseTheory.BornDeadLowerBound(3, int.MaxValue);
        double upper = CollapseTheory.BornDeadUpperBound(64, int.MaxValue);
        Assert.Equal(1.0, lower, 1e-14);
        // 1 - (1 - 2^-64)^(2^31 - 2) ≈ (2^31 - 2)·2^-64.
        AssertRelative((int.MaxValue - 1.0) * Math.Pow(2, -64), upper, 1e-9);
        Assert.InRange(CollapseTheory.BornDeadLowerBound(64, int.MaxValue), 0, upper);
    }

    [Property(MaxTest = 500)]
    public void BoundsAreOrderedProbabilities(byte w, byte d)
    {
        int width = 1 + w % MaxWidth, depth = 1 + d % MaxDepth;
        double lower = CollapseTheory.BornDeadLowerBound(width, depth);
        double upper = CollapseTheory.BornDeadUpperBound(width, depth);
        double theorem8 = CollapseTheory.PerInputZeroProbability(width, depth);
        Assert.True(0 <= lower && lower <= upper && upper <= theorem8 && theorem8 <= 1,
            $"width {width}, depth {depth}: 0 <= {lower} <= {upper} <= {theorem8} <= 1 fails");
    }

    [Property(MaxTest = 500)]
    public void AllAreNonDecreasingInDepth(byte w, byte d)
    {
        int width = 1 + w % MaxWidth, depth = 1 + d % (MaxDepth - 1);
        Assert.True(CollapseTheory.BornDeadLowerBound(width, depth) <= CollapseTheory.BornDeadLowerBound(width, depth + 1));
        Assert.True(CollapseTheory.BornDeadUpperBound(width, depth) <= CollapseTheory.BornDeadUpperBound(width, depth + 1));
        Assert.True(CollapseTheory.PerInputZeroProbability(width, depth) <= CollapseTheory.PerInputZeroProbability(width, depth + 1));
    }

    [Fact]
    public void OrderingAndMonotonicityHoldOnTheWholeGrid()
    {
        for (int n = 1; n <= MaxWidth; n++)
        {
            double previousLower = 0, previousUpper = 0, previousTheorem8 = 0;
            for (int h = 1; h <= MaxDepth; h++)
            {
                double lower = CollapseTheory.BornDeadLowerBound(n, h);
                double upper = CollapseTheory.BornDeadUpperBound(n, h);
                double theorem8 = CollapseTheory.PerInputZeroProbability(n, h);
                Assert.True(0 <= lower && lower <= upper && upper <= theorem8 && theorem8 <= 1, $"order at n = {n}, H = {h}");
                Assert.True(lower >= previousLower && upper >= previousUpper && theorem8 >= previousTheorem8, $"monotone at n = {n}, H = {h}");
                (previousLower, previousUpper, previousTheorem8) = (lower, upper, theorem8);
            }
        }
    }

    // ---- Argument validation -------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(int.MinValue)]
    public void NonPositiveWidthsAreRejected(int bad)
    {
        AssertOutOfRange("outputs", () => CollapseTheory.OneLayerZeroProbability(bad));
        AssertOutOfRange("width", () => CollapseTheory.PerInputZeroProbability(bad, 3));
        AssertOutOfRange("layers", () => CollapseTheory.PerInputZeroProbability(3, bad));
        AssertOutOfRange("layerWidths", () => CollapseTheory.PerInputZeroProbability([2, bad, 2], true));
        AssertOutOfRange("layerWidths", () => CollapseTheory.PerInputZeroProbabilityWithBiases([2, 2, bad], true));
        AssertOutOfRange("width", () => CollapseTheory.MaxDepthForZeroProbability(bad, 0.1));
        AssertOutOfRange("width", () => CollapseTheory.BornDeadLowerBound(bad, 3));
        AssertOutOfRange("hiddenLayers", () => CollapseTheory.BornDeadLowerBound(3, bad));
        AssertOutOfRange("width", () => CollapseTheory.BornDeadUpperBound(bad, 3));
        AssertOutOfRange("hiddenLayers", () => CollapseTheory.BornDeadUpperBound(3, bad));
    }

    [Fact]
    public void EmptyWidthListsAreRejected()
    {
        Assert.Equal("layerWidths", Assert.Throws<ArgumentException>(() => CollapseTheory.PerInputZeroProbability([], true)).ParamName);
        Assert.Equal("layerWidths", Assert.Throws<ArgumentException>(() => CollapseTheory.PerInputZeroProbabilityWithBiases([], true)).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ProbabilitiesOutsideTheOpenUnitIntervalAreRejected(double probability) =>
        AssertOutOfRange("p", () => CollapseTheory.MaxDepthForZeroProbability(4, probability));

    // ---- Numerical helpers ---------------------------------------------------------------------------------------

    [Fact]
    public void AccurateMathAvoidsCancellation()
    {
        double tiny = Math.Pow(2, -60);
        AssertRelative(-tiny - tiny * tiny / 2, AccurateMath.Log1P(-tiny), 1e-15);
        AssertRelative(Math.Log(0.75), AccurateMath.Log1P(-0.25), 1e-15);
        AssertRelative(1e-10 + 5e-21, AccurateMath.ExpM1(1e-10), 1e-15);
        AssertRelative(Math.Exp(-3) - 1, AccurateMath.ExpM1(-3), 1e-15);
        Assert.Equal(-1.0, AccurateMath.ExpM1(double.NegativeInfinity));
        Assert.Equal(double.NegativeInfinity, AccurateMath.Log1P(-1));
        Assert.True(double.IsPositive(AccurateMath.OneMinusExp(0)) && AccurateMath.OneMinusExp(0) == 0, "1 - e^0 must be +0");
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    private static void AssertOutOfRange(string paramName, Action action) =>
        Assert.Equal(paramName, Assert.Throws<ArgumentOutOfRangeException>(action).ParamName);
}
