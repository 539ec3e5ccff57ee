using FsCheck.Xunit;
using MathNet.Numerics;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Theory;

/// <summary>
/// Shin &amp; Karniadakis 2020, Lemma 11 (Eqs. (9)–(10)). References: closed forms for d = 1, 2, 3 worked by hand, direct quadrature of
/// Surf(S^{d−1})/Surf(S^d)·∫₀^α sin^{d−1}, the probabilistic form P(b &gt; r‖w‖) integrated against the χ² law, MathNet's
/// incomplete beta, and for large d the positive series p̂_d = cos α Σ_k g(d + 2k)/(d + 2k)·sin^{d+2k}α (from
/// p̂_d − p̂_{d+2} = g(d) sin^dα cos α/d by parts).
/// </summary>
public class BornDeadProbabilityTests
{
    private static double Alpha(double r) => Math.Atan(1 / r);

    /// <summary>Surf(S^{d−1})/Surf(S^d) from MathNet's log-gamma (independent of the code under test).</summary>
    private static double ReferenceRatio(int d) => Math.Exp(SpecialFunctions.GammaLn((d + 1) / 2.0) - SpecialFunctions.GammaLn(d / 2.0)) / Math.Sqrt(Math.PI);

    [Theory]
    [InlineData(1.0, 0.25)]                  // arctan(1)/π
    [InlineData(0.57735026918962576, 1.0 / 3)] // r = 1/√3: arctan(√3)/π = (π/3)/π
    [InlineData(1.7320508075688772, 1.0 / 6)]  // r = √3: (π/6)/π
    public void OneDimensionalValuesAreArctanOverPi(double r, double expected) =>
        TheoryAssert.Relative(expected, BornDeadProbability.Value(1, r), 1e-14, $"r = {r}");

    [Fact]
    public void TwoAndThreeDimensionalValuesAtRadiusOne()
    {
        // α = π/4. d = 2: (1 − cos α)/2 = (1 − √2/2)/2. d = 3: (α − sin α cos α)/π = 1/4 − 1/(2π).
        TheoryAssert.Relative((1 - Math.Sqrt(0.5)) / 2, BornDeadProbability.Value(2, 1), 1e-14, "d = 2");
        TheoryAssert.Relative(0.25 - 1 / (2 * Math.PI), BornDeadProbability.Value(3, 1), 1e-14, "d = 3");
    }

    [Property(MaxTest = 300)]
    public void ClosedFormsForDimensionsOneToThree(ushort raw)
    {
        double r = 0.05 + raw / 65535.0 * 20; // (0.05, 20.05)
        double a = Alpha(r);
        TheoryAssert.Relative(a / Math.PI, BornDeadProbability.Value(1, r), 1e-13, $"d = 1, r = {r}");
        TheoryAssert.Relative((1 - Math.Cos(a)) / 2, BornDeadProbability.Value(2, r), 1e-12, $"d = 2, r = {r}");
        TheoryAssert.Relative((a - Math.Sin(a) * Math.Cos(a)) / Math.PI, BornDeadProbability.Value(3, r), 1e-11, $"d = 3, r = {r}");
    }

    [Fact]
    public void IncompleteBetaFormEqualsDirectQuadratureOfTheLemma()
    {
        // p̂ = Surf(S^{d−1})/Surf(S^d)·∫₀^α (sin u)^{d−1} du, integrated directly (this is the identity
        // ∫₀^α sin^{d−1} = ½ B(d/2, ½) I_{sin²α}(d/2, ½) that the code relies on).
        int[] dims = [1, 2, 3, 4, 5, 6, 7, 8, 10, 20, 50, 100, 200, 1000];
        double[] radii = [0.01, 0.05, 0.3, 1, 2.5, 10];
        foreach (int d in dims)
            foreach (double r in radii)
            {
                double integral = TheoryAssert.Integrate(u => Math.Pow(Math.Sin(u), d - 1), 0, Alpha(r));
                double expected = ReferenceRatio(d) * integral;
                if (expected < 1e-290)
                    continue; // below the range where the quadrature's relative accuracy means anything
                TheoryAssert.Relative(expected, BornDeadProbability.Value(d, r), 1e-12, $"d = {d}, r = {r}");
            }
    }

    [Fact]
    public void EqualsTheProbabilityThatTheBiasExceedsRTimesTheWeightNorm()
    {
        // P(b > r‖w‖) = ∫₀^∞ φ(b) P(χ²_d ≤ b²/r²) db for i.i.d. N(0, 1) entries.
        foreach (int d in new[] { 1, 2, 3, 5, 10 })
            foreach (double r in new[] { 1 / Math.Sqrt(3), 1.0, 2.0 })
            {
                double expected = TheoryAssert.Integrate(
                    b => TheoryAssert.Phi(b) * SpecialFunctions.GammaLowerRegularized(d / 2.0, b * b / (2 * r * r)), 0, double.PositiveInfinity);
                TheoryAssert.Close(expected, BornDeadProbability.Value(d, r), 1e-10, $"d = {d}, r = {r}");
            }
    }

    [Fact]
    public void AgreesWithMathNetsIncompleteBetaForModerateDimensions()
    {
        for (int d = 1; d <= 100; d += 3)
            foreach (double r in new[] { 0.1, 0.7, 1, 3, 9 })
                TheoryAssert.Relative(0.5 * SpecialFunctions.BetaRegularized(d / 2.0, 0.5, 1 / (1 + r * r)),
                    BornDeadProbability.Value(d, r), 1e-11, $"d = {d}, r = {r}");
    }

    [Theory]
    [InlineData(1000, 1.0)]
    [InlineData(1000, 3.0)]
    [InlineData(5000, 1.0)]
    [InlineData(100000, 0.2)]
    public void LargeDimensionsKeepRelativeAccuracyWhereTheValueIsTiny(int d, double r)
    {
        // Positive series, in log space: ln p̂ = ln(g(d) sin^dα cos α/d) + ln Σ_k t_k, t_0 = 1,
        // t_{k+1} = t_k sin²α (d + 2k + 1)/(d + 2k + 2).
        double a = Alpha(r);
        double sin2 = Math.Sin(a) * Math.Sin(a);
        double lnGd = SpecialFunctions.GammaLn((d + 1) / 2.0) - SpecialFunctions.GammaLn(d / 2.0) - 0.5 * Math.Log(Math.PI);
        double lead = lnGd - Math.Log(d) + d * Math.Log(Math.Sin(a)) + Math.Log(Math.Cos(a));
        double sum = 0, term = 1;
        for (int k = 0; term > 1e-18 * sum || k == 0; k++)
        {
            sum += term;
            term *= sin2 * (d + 2.0 * k + 1) / (d + 2.0 * k + 2);
        }
        double expected = lead + Math.Log(sum);
        // MathNet's log-gammas of ~d/2 carry an absolute error of roughly d·1e−16 themselves.
        TheoryAssert.Close(expected, BornDeadProbability.LogValue(d, r), 1e-15 * d + 1e-13, $"d = {d}, r = {r}");
        Assert.True(expected < -100, "the test is meant for values far below 1");
    }

    [Property(MaxTest = 500)]
    public void ValueLiesWithinTheBoundsOfEquation10(byte dRaw, ushort rRaw)
    {
        int d = dRaw < 200 ? 1 + dRaw % 8 : 1 + (dRaw - 200) * 20; // mostly 1..8, sometimes up to ~1100
        double r = 0.1 + rRaw / 65535.0 * 9.9;
        double p = BornDeadProbability.Value(d, r);
        double lower = BornDeadProbability.LowerBound(d, r), upper = BornDeadProbability.UpperBound(d, r);
        Assert.True(lower <= p * (1 + 1e-13) && p <= upper * (1 + 1e-13), $"d = {d}, r = {r}: {lower} <= {p} <= {upper} fails");
        Assert.True(p < 0.5, $"d = {d}, r = {r}: p = {p} is not below 1/2");
    }

    [Fact]
    public void BoundsOfEquation10ByHand()
    {
        // d = 1, r = 1: lower sin(π/4)/π = 1/(√2 π), upper √(1/2π)·π/4.
        TheoryAssert.Relative(1 / (Math.Sqrt(2) * Math.PI), BornDeadProbability.LowerBound(1, 1), 1e-15);
        TheoryAssert.Relative(Math.Sqrt(1 / (2 * Math.PI)) * Math.PI / 4, BornDeadProbability.UpperBound(1, 1), 1e-15);
        // d = 2, r = 1: lower (1/2)/(2π), upper √(2/2π)·(π/4)·(1/√2).
        TheoryAssert.Relative(0.25 / Math.PI, BornDeadProbability.LowerBound(2, 1), 1e-15);
        TheoryAssert.Relative(Math.Sqrt(1 / Math.PI) * Math.PI / 4 / Math.Sqrt(2), BornDeadProbability.UpperBound(2, 1), 1e-15);
    }

    [Property(MaxTest = 300)]
    public void DecreasesWithTheRadius(byte dRaw, ushort rRaw, byte stepRaw)
    {
        int d = 1 + dRaw % 40;
        double r1 = 0.05 + rRaw / 65535.0 * 10;
        double r2 = r1 * (1.001 + stepRaw / 64.0);
        Assert.True(BornDeadProbability.Value(d, r2) < BornDeadProbability.Value(d, r1), $"d = {d}: p({r2}) not below p({r1})");
    }

    [Fact]
    public void TendsToOneHalfAsTheRadiusShrinks()
    {
        // r → 0: α → π/2 and p̂ → ½ I_1 = ½.
        foreach (int d in new[] { 1, 2, 7, 100 })
            TheoryAssert.Close(0.5, BornDeadProbability.Value(d, 1e-9), 1e-6, $"d = {d}");
    }

    [Theory]
    [InlineData(28, 2.0922437310218811035)]   // Γ((d+1)/2)/(√π Γ(d/2)) from 40-digit mpmath
    [InlineData(39, 2.4754760855337920407)]
    [InlineData(40, 2.5074137523915851489)]
    [InlineData(41, 2.5389498313167097853)]
    [InlineData(100, 3.9794618693589380749)]
    [InlineData(1001, 12.618816919499853941)]
    [InlineData(100000, 126.15631070983699428)]
    public void SphereAreaRatioHighPrecisionValues(int d, double expected) =>
        TheoryAssert.Relative(expected, BornDeadProbability.SphereAreaRatio(d), 3e-15, $"d = {d}");

    [Fact]
    public void SphereAreaRatioExactValuesAndAsymptotics()
    {
        TheoryAssert.Relative(1 / Math.PI, BornDeadProbability.SphereAreaRatio(1), 1e-15);
        TheoryAssert.Relative(0.5, BornDeadProbability.SphereAreaRatio(2), 1e-15);
        TheoryAssert.Relative(2 / Math.PI, BornDeadProbability.SphereAreaRatio(3), 1e-15);
        TheoryAssert.Relative(0.75, BornDeadProbability.SphereAreaRatio(4), 1e-15);
        double previous = 0;
        for (int d = 1; d <= 400; d++)
        {
            double g = BornDeadProbability.SphereAreaRatio(d);
            // MathNet's Lanczos log-gamma is itself off by up to ~1.4e−13 here (e.g. d = 28, against mpmath above).
            TheoryAssert.Relative(ReferenceRatio(d), g, 1e-12, $"d = {d}");
            Assert.True(g > previous && g < Math.Sqrt(d / (2 * Math.PI)), $"d = {d}: monotone and below sqrt(d/2pi)");
            previous = g;
            if (d >= 3)
            {
                // g(d) = g(d − 2)(d − 1)/(d − 2), also across the switch from products to the series at d = 40.
                TheoryAssert.Relative(BornDeadProbability.SphereAreaRatio(d - 2) * (d - 1.0) / (d - 2), g, 1e-14, $"recurrence at d = {d}");
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void NonPositiveDimensionsAreRejected(int d)
    {
        TheoryAssert.OutOfRange("inputDim", () => BornDeadProbability.Value(d, 1));
        TheoryAssert.OutOfRange("inputDim", () => BornDeadProbability.LogValue(d, 1));
        TheoryAssert.OutOfRange("inputDim", () => BornDeadProbability.LowerBound(d, 1));
        TheoryAssert.OutOfRange("inputDim", () => BornDeadProbability.UpperBound(d, 1));
        TheoryAssert.OutOfRange("inputDim", () => BornDeadProbability.SphereAreaRatio(d));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonPositiveOrNonFiniteRadiiAreRejected(double radius)
    {
        TheoryAssert.OutOfRange("r", () => BornDeadProbability.Value(1, radius));
        TheoryAssert.OutOfRange("r", () => BornDeadProbability.LowerBound(2, radius));
        TheoryAssert.OutOfRange("r", () => BornDeadProbability.UpperBound(3, radius));
    }
}
