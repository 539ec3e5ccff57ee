using FsCheck.Xunit;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Theory;

/// <summary>
/// Shin &amp; Karniadakis 2020, Corollary 9. References: the printed closed form a₁^{L−1} − c(a₂^{L−1} − a₁^{L−1}) evaluated literally, hand
/// values, and the relation to Lu et al.'s journal born-dead bound (1 − CollapseTheory.BornDeadLowerBound(n, L)).
/// </summary>
public class DeepTrainabilityTests
{
    private static double Printed(int n, int hiddenLayers)
    {
        double a1 = 1 - Math.Pow(2, -n);
        double a2 = 1 - Math.Pow(2, -n + 1) - (n - 1) * Math.Pow(2, -2 * n);
        double c = (1 - Math.Pow(2, -n + 1)) * (1 - Math.Pow(2, -n)) / (1 + (n - 1) * Math.Pow(2, -n));
        int k = hiddenLayers - 1;
        return Math.Pow(a1, k) - c * (Math.Pow(a2, k) - Math.Pow(a1, k));
    }

    [Fact]
    public void HandValues()
    {
        // n = 2, L = 2: a₁ = 3/4, a₂ = 7/16, c = 3/10: 3/4 − (3/10)(7/16 − 3/4) = 3/4 + 3/32 = 27/32.
        Assert.Equal(27.0 / 32, DeepTrainability.UpperBound(2, 2), 1e-15);
        // One hidden layer without bias and d_in = 1 never dies: the bound is 1.
        Assert.Equal(1.0, DeepTrainability.UpperBound(5, 1));
        // n = 1: a₂ = 0, c = 0, so (1/2)^{L−1}.
        for (int h = 1; h <= 40; h++)
            Assert.Equal(Math.Pow(0.5, h - 1), DeepTrainability.UpperBound(1, h), 1e-15);
    }

    [Fact]
    public void EqualsThePrintedFormulaAndOneMinusTheJournalBornDeadBound()
    {
        for (int n = 1; n <= 16; n++)
            for (int h = 1; h <= 60; h++)
            {
                double bound = DeepTrainability.UpperBound(n, h);
                Assert.Equal(Printed(n, h), bound, 1e-13);
                Assert.Equal(1 - CollapseTheory.BornDeadLowerBound(n, h), bound, 1e-13);
            }
    }

    [Fact]
    public void SmallBoundsKeepTheirRelativeAccuracy()
    {
        // n = 2, L = 200: (1 + c)a₁^{199} − c a₂^{199} with a₂/a₁ = 7/12, so the second term is ~1e−47 relative.
        double c = 0.3;
        TheoryAssert.Relative((1 + c) * Math.Pow(0.75, 199), DeepTrainability.UpperBound(2, 200), 1e-12);
    }

    [Property(MaxTest = 500)]
    public void IsAProbabilityNonIncreasingInDepth(byte w, ushort d)
    {
        int n = 1 + w % 64, h = 1 + d % 5000;
        double here = DeepTrainability.UpperBound(n, h), deeper = DeepTrainability.UpperBound(n, h + 1);
        Assert.InRange(here, 0, 1);
        Assert.True(deeper <= here, $"n = {n}: L = {h + 1} gives {deeper} > {here}");
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        TheoryAssert.OutOfRange("width", () => DeepTrainability.UpperBound(0, 3));
        TheoryAssert.OutOfRange("hiddenLayers", () => DeepTrainability.UpperBound(3, 0));
    }
}
