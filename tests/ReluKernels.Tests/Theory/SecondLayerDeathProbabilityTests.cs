using FsCheck.Xunit;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Theory;

/// <summary>
/// Shin &amp; Karniadakis 2020, Lemma 14 (b) p₂(s) and Lemma 15 p₂(ω). References: the Gaussian-orthant integral
/// ∫₀^∞ φ(u)Φ(u/(r√s))Φ(u/(r√(n₁ − s))) du by MathNet quadrature, hand values, and for Lemma 15 the equivalent form
/// 1/2 − (arctan y_max − arctan y_min)/(2π) from the range [y_min, y_max] of the first-layer output.
/// </summary>
public class SecondLayerDeathProbabilityTests
{
    /// <summary>P(b ≤ 0, b + c₁w₁ ≤ 0, b + c₂w₂ ≤ 0) for i.i.d. N(0, 1), by quadrature (a factor is 1 when c = 0).</summary>
    private static double OrthantIntegral(int n1, int s, double r)
    {
        double c1 = r * Math.Sqrt(s), c2 = r * Math.Sqrt(n1 - s);
        return TheoryAssert.Integrate(u =>
            TheoryAssert.Phi(u) * (c1 == 0 ? 1 : TheoryAssert.Cdf(u / c1)) * (c2 == 0 ? 1 : TheoryAssert.Cdf(u / c2)),
            0, double.PositiveInfinity);
    }

    private static readonly int[] Widths = [1, 2, 3, 6, 10, 25];
    private static readonly double[] Radii = [0.1, 0.5, 1, 2.5, 10];

    [Fact]
    public void CorrectedIntegralEqualsTheOrthantIntegral()
    {
        foreach (int n1 in Widths)
            foreach (double r in Radii)
                for (int s = 0; s <= n1; s++)
                    TheoryAssert.Close(OrthantIntegral(n1, s, r), SecondLayerDeathProbability.GivenSignSplit(n1, s, r), 1e-10,
                        $"n1 = {n1}, s = {s}, r = {r}");
    }

    [Fact]
    public void CorrectedIntegralEqualsTheClosedForm()
    {
        foreach (int n1 in Widths.Append(400))
            foreach (double r in Radii.Append(30))
                for (int s = 0; s <= n1; s += 1 + n1 / 20)
                {
                    TheoryAssert.Close(SecondLayerDeathProbability.GivenSignSplitClosedForm(n1, s, r),
                        SecondLayerDeathProbability.GivenSignSplit(n1, s, r), 1e-12, $"n1 = {n1}, s = {s}, r = {r}");
                    TheoryAssert.Close(OrthantIntegral(n1, s, r), SecondLayerDeathProbability.GivenSignSplitClosedForm(n1, s, r), 1e-10,
                        $"closed form, n1 = {n1}, s = {s}, r = {r}");
                }
    }

    [Fact]
    public void AsPrintedAngleIsWrongAwayFromTheSymmetricSplits()
    {
        // n₁ = 6, r = 1, s = 1: the printed α_s = arctan(1/5) gives 0.2466622 (30-digit mpmath of the printed integral);
        // the truth is 0.2442687 (orthant integral; a throwaway simulation gave 0.2445 ± 0.0003).
        double printed = SecondLayerDeathProbability.GivenSignSplit(6, 1, 1, SignSplitAngle.AsPrinted);
        double corrected = SecondLayerDeathProbability.GivenSignSplit(6, 1, 1);
        TheoryAssert.Close(0.246662192336077, printed, 1e-12);
        TheoryAssert.Close(0.244268746434821, corrected, 1e-12);
        Assert.True(printed - corrected > 1e-3);
        // At s = 0, n₁/2 and n₁ the two angles coincide (0, π/4, π/2).
        foreach (int s in new[] { 0, 3, 6 })
            TheoryAssert.Close(SecondLayerDeathProbability.GivenSignSplit(6, s, 1),
                SecondLayerDeathProbability.GivenSignSplit(6, s, 1, SignSplitAngle.AsPrinted), 1e-13, $"s = {s}");
    }

    [Fact]
    public void HandValues()
    {
        // s = 0: P(b ≤ 0, b + r√n₁ w ≤ 0) = 1/4 + arcsin(1/√(1 + r²n₁))/(2π) = 1/4 + arctan(1/(r√n₁))/(2π).
        // n₁ = 1, r = 1: 1/4 + (π/4)/(2π) = 3/8. n₁ = 3, r = 1/√3: the same.
        TheoryAssert.Close(0.375, SecondLayerDeathProbability.GivenSignSplit(1, 0, 1), 1e-14);
        TheoryAssert.Close(0.375, SecondLayerDeathProbability.GivenSignSplit(1, 1, 1), 1e-14);
        TheoryAssert.Close(0.375, SecondLayerDeathProbability.GivenSignSplit(3, 3, 1 / Math.Sqrt(3)), 1e-14);
        // n₁ = 2, s = 1, r = 1: c₁ = c₂ = 1, 1/8 + (π/4 + π/4 + arctan(1/√3))/(4π) = 1/8 + (π/2 + π/6)/(4π) = 1/8 + 1/6.
        TheoryAssert.Close(0.125 + 1.0 / 6, SecondLayerDeathProbability.GivenSignSplit(2, 1, 1), 1e-14);
    }

    [Property(MaxTest = 200)]
    public void CorrectedValueIsSymmetricAndInRange(byte nRaw, byte sRaw, ushort rRaw)
    {
        int n1 = 1 + nRaw % 60, s = sRaw % (n1 + 1);
        double r = 0.05 + rRaw / 65535.0 * 20;
        double p = SecondLayerDeathProbability.GivenSignSplit(n1, s, r);
        TheoryAssert.Close(SecondLayerDeathProbability.GivenSignSplit(n1, n1 - s, r), p, 1e-13, "symmetry s <-> n1 - s");
        Assert.InRange(p, 0.125, 0.5);
        // At least the permanent-death probability 2^{-n1-1} (all weights and the bias ≤ 0).
        Assert.True(p >= Math.Pow(2, -n1 - 1));
    }

    // ---- Lemma 15 ----------------------------------------------------------------------------------------------

    /// <summary>1/2 − (arctan y_max − arctan y_min)/(2π): the two half-planes {(w, b): w·y + b ≤ 0} for y = y_min, y_max.</summary>
    private static double RangeForm(double omega, double r)
    {
        double radius = Math.Sqrt(1 + r * r), alphaR = Math.Atan(r), w = Math.Abs(omega);
        double yMax = radius * Math.Cos(w - alphaR);
        double yMin = Math.Max(0, radius * Math.Cos(w + alphaR));
        return 0.5 - (Math.Atan(yMax) - Math.Atan(yMin)) / (2 * Math.PI);
    }

    [Fact]
    public void Lemma15EqualsTheRangeForm()
    {
        foreach (double r in new[] { 0.1, 0.5, 1, 2, 10 })
        {
            double edge = Math.PI / 2 + Math.Atan(r);
            for (int k = 1; k < 400; k++)
            {
                double omega = -edge + 2 * edge * k / 400.0;
                TheoryAssert.Close(RangeForm(omega, r), SecondLayerDeathProbability.GivenFirstLayerAngle(omega, r), 1e-14, $"omega = {omega}, r = {r}");
            }
            Assert.Equal(1.0, SecondLayerDeathProbability.GivenFirstLayerAngle(edge + 1e-9, r));
            Assert.Equal(1.0, SecondLayerDeathProbability.GivenFirstLayerAngle(-Math.PI, r));
            // Continuous at the kink π/2 − α_r and tends to 1/2 at the edge of the active set.
            double kink = Math.PI / 2 - Math.Atan(r);
            TheoryAssert.Close(SecondLayerDeathProbability.GivenFirstLayerAngle(kink - 1e-12, r),
                SecondLayerDeathProbability.GivenFirstLayerAngle(kink + 1e-12, r), 1e-10, "kink");
            TheoryAssert.Close(0.5, SecondLayerDeathProbability.GivenFirstLayerAngle(edge - 1e-12, r), 1e-10, "edge");
        }
    }

    [Fact]
    public void Lemma15HandValue()
    {
        // r = 1, ω = π/2: the first-layer neuron is ReLU(x), its range on [−1, 1] is [0, 1], so
        // p₂ = 1/2 − (π/4 − 0)/(2π) = 3/8 (the paper: 1/4 + g(π/4)/(2π), g(π/4) = arctan 1).
        TheoryAssert.Close(0.375, SecondLayerDeathProbability.GivenFirstLayerAngle(Math.PI / 2, 1), 1e-15);
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        TheoryAssert.OutOfRange("firstLayerWidth", () => SecondLayerDeathProbability.GivenSignSplit(0, 0, 1));
        TheoryAssert.OutOfRange("positiveCount", () => SecondLayerDeathProbability.GivenSignSplit(3, 4, 1));
        TheoryAssert.OutOfRange("positiveCount", () => SecondLayerDeathProbability.GivenSignSplitClosedForm(3, -1, 1));
        TheoryAssert.OutOfRange("r", () => SecondLayerDeathProbability.GivenSignSplit(3, 1, 0));
        TheoryAssert.OutOfRange("angle", () => SecondLayerDeathProbability.GivenSignSplit(3, 1, 1, (SignSplitAngle)9));
        TheoryAssert.OutOfRange("omega", () => SecondLayerDeathProbability.GivenFirstLayerAngle(4, 1));
        TheoryAssert.OutOfRange("omega", () => SecondLayerDeathProbability.GivenFirstLayerAngle(double.NaN, 1));
        TheoryAssert.OutOfRange("r", () => SecondLayerDeathProbability.GivenFirstLayerAngle(0.3, double.PositiveInfinity));
    }
}
