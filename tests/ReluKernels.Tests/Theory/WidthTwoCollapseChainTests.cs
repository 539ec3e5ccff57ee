using FsCheck.Xunit;
using MathNet.Numerics.Integration;
using MathNet.Numerics.LinearAlgebra;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Theory;

/// <summary>
/// Lu et al. 2019, Theorem 10. The code builds P from the case structure; these tests compare it with the table published with the
/// theorem (transcribed below), recompute the angle averages by quadrature, and check the
/// exact early values and the L = 1..20 list of the reference.
/// </summary>
public class WidthTwoCollapseChainTests
{
    /// <summary>The reference's P, rows j = next case 1..16, columns i = current case 1..16.</summary>
    private static readonly string[] PublishedRows =
    [
        "17/96 7/48 7/48 0 7/48 1/4 1/16 0 7/48 1/16 1/4 0 0 0 0 0",
        "1/32 1/24 1/24 0 1/24 0 1/16 0 1/24 1/16 0 0 0 0 0 0",
        "1/32 1/24 1/24 0 1/24 0 1/16 0 1/24 1/16 0 0 0 0 0 0",
        "1/96 1/48 1/48 1/4 1/48 0 1/16 1/4 1/48 1/16 0 1/4 0 0 0 0",
        "1/32 1/24 1/24 0 1/24 0 1/16 0 1/24 1/16 0 0 0 0 0 0",
        "17/96 7/48 7/48 0 7/48 1/4 1/16 0 7/48 1/16 1/4 0 0 0 0 0",
        "1/96 1/48 1/48 0 1/48 0 1/16 0 1/48 1/16 0 0 0 0 0 0",
        "1/32 1/24 1/24 1/4 1/24 0 1/16 1/4 1/24 1/16 0 1/4 0 0 0 0",
        "1/32 1/24 1/24 0 1/24 0 1/16 0 1/24 1/16 0 0 0 0 0 0",
        "1/96 1/48 1/48 0 1/48 0 1/16 0 1/48 1/16 0 0 0 0 0 0",
        "17/96 7/48 7/48 0 7/48 1/4 1/16 0 7/48 1/16 1/4 0 0 0 0 0",
        "1/32 1/24 1/24 1/4 1/24 0 1/16 1/4 1/24 1/16 0 1/4 0 0 0 0",
        "1/96 1/48 1/48 0 1/48 0 1/16 0 1/48 1/16 0 0 1/4 1/4 1/4 0",
        "1/32 1/24 1/24 0 1/24 0 1/16 0 1/24 1/16 0 0 1/4 1/4 1/4 0",
        "1/32 1/24 1/24 0 1/24 0 1/16 0 1/24 1/16 0 0 1/4 1/4 1/4 0",
        "17/96 7/48 7/48 1/4 7/48 1/4 1/16 1/4 7/48 1/16 1/4 1/4 1/4 1/4 1/4 1",
    ];

    /// <summary>The reference's Theorem 10 values for L = 1..20, printed to 4 decimals.</summary>
    private static readonly double[] PublishedCollapse =
    [
        0, .1562, .3402, .4952, .6163, .7091, .7796, .8332, .8738, .9045,
        .9278, .9455, .9588, .9689, .9765, .9823, .9866, .9899, .9924, .9943,
    ];

    private static double Fraction(string s)
    {
        var parts = s.Split('/');
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return parts.Length == 1 ? double.Parse(parts[0], c) : double.Parse(parts[0], c) / double.Parse(parts[1], c);
    }

    private static Matrix<double> PublishedMatrix() =>
        Matrix<double>.Build.Dense(16, 16, (j, i) => Fraction(PublishedRows[j].Split(' ', StringSplitOptions.RemoveEmptyEntries)[i]));

    private static Vector<double> PublishedRho1() =>
        Vector<double>.Build.DenseOfArray([0, 0, 0, 0.25, 0, 0, 0.25, 0, 0, 0.25, 0, 0, 0.25, 0, 0, 0]);

    [Fact]
    public void InitialDistributionIsThePublishedRho1()
    {
        Assert.Equal(16, WidthTwoCollapseChain.StateCount);
        Assert.Equal(PublishedRho1().ToArray(), WidthTwoCollapseChain.InitialDistribution.ToArray());
    }

    [Fact]
    public void BuiltMatrixEqualsThePublishedTable()
    {
        var built = WidthTwoCollapseChain.TransitionMatrix;
        var published = PublishedMatrix();
        Assert.Equal(16, built.RowCount);
        Assert.Equal(16, built.ColumnCount);
        for (int j = 0; j < 16; j++)
            for (int i = 0; i < 16; i++)
                Assert.True(Math.Abs(built[j, i] - published[j, i]) <= 1e-15,
                    $"P[case {j + 1}, case {i + 1}] = {built[j, i]}, published {PublishedRows[j].Split(' ')[i]}");
    }

    [Fact]
    public void MatrixIsColumnStochastic()
    {
        var p = WidthTwoCollapseChain.TransitionMatrix;
        for (int i = 0; i < 16; i++)
        {
            Assert.All(p.Column(i), x => Assert.True(x >= 0));
            Assert.Equal(1.0, p.Column(i).Sum(), 1e-15);
        }
        // Case 16 (index 15) is absorbing.
        Assert.Equal(1.0, p[15, 15]);
    }

    [Fact]
    public void ColumnRulesOfTheProof()
    {
        var p = WidthTwoCollapseChain.TransitionMatrix;
        Vector<double> Col(int caseNumber) => p.Column(caseNumber - 1);
        Vector<double> Mass(double value, params int[] cases) =>
            Vector<double>.Build.Dense(16, j => cases.Contains(j + 1) ? value : 0);
        // One side on an axis, the other in general position: equal columns.
        foreach (int c in new[] { 3, 5, 9 })
            Assert.Equal(Col(2).ToArray(), Col(c).ToArray());
        // One side dead: the live side's next support pattern is uniform.
        foreach (int c in new[] { 4, 8, 12 })
            Assert.Equal(Mass(0.25, 4, 8, 12, 16).ToArray(), Col(c).ToArray());
        foreach (int c in new[] { 13, 14, 15 })
            Assert.Equal(Mass(0.25, 13, 14, 15, 16).ToArray(), Col(c).ToArray());
        // Parallel sides (same axis) and orthogonal sides (different axes).
        foreach (int c in new[] { 6, 11 })
            Assert.Equal(Mass(0.25, 1, 6, 11, 16).ToArray(), Col(c).ToArray());
        foreach (int c in new[] { 7, 10 })
            Assert.Equal(Enumerable.Repeat(1.0 / 16, 16).ToArray(), Col(c).ToArray());
        Assert.Equal(Mass(1, 16).ToArray(), Col(16).ToArray());
    }

    /// <summary>θ between α (angle φ) and β (angle ψ), as defined in the proof (Lu et al. 2019, Appendix J).</summary>
    private static double Theta(double phi, double psi) => Math.PI + phi > psi ? psi - phi : 2 * Math.PI + phi - psi;

    /// <summary>(2/π)² ∫₀^{π/2} ∫_π^{3π/2} g(θ(φ, ψ)) dψ dφ, split at the kink ψ = π + φ so Gauss–Legendre is exact.</summary>
    private static double GeneralAverage(Func<double, double> g) =>
        4 / (Math.PI * Math.PI) * GaussLegendreRule.Integrate(
            phi => GaussLegendreRule.Integrate(psi => g(Theta(phi, psi)), Math.PI, Math.PI + phi, 16)
                 + GaussLegendreRule.Integrate(psi => g(Theta(phi, psi)), Math.PI + phi, 1.5 * Math.PI, 16),
            0, Math.PI / 2, 16);

    /// <summary>(2/π) ∫₀^{π/2} g(π − φ) dφ: β on an axis (ψ = π).</summary>
    private static double AxisAverage(Func<double, double> g) =>
        2 / Math.PI * GaussLegendreRule.Integrate(phi => g(Theta(phi, Math.PI)), 0, Math.PI / 2, 16);

    private static double BothBoth(double theta) => theta / (2 * Math.PI) * (theta / (2 * Math.PI));
    private static double BothOne(double theta) => theta * (Math.PI - theta) / (4 * Math.PI * Math.PI);
    private static double OneOne(double theta) => (Math.PI - theta) / (2 * Math.PI) * ((Math.PI - theta) / (2 * Math.PI));

    [Fact]
    public void AngleAveragesMatchQuadratureAndThePublishedFractions()
    {
        Assert.Equal(17.0 / 96, GeneralAverage(BothBoth), 1e-14);
        Assert.Equal(1.0 / 32, GeneralAverage(BothOne), 1e-14);
        Assert.Equal(1.0 / 96, GeneralAverage(OneOne), 1e-14);
        Assert.Equal(7.0 / 48, AxisAverage(BothBoth), 1e-14);
        Assert.Equal(1.0 / 24, AxisAverage(BothOne), 1e-14);
        Assert.Equal(1.0 / 48, AxisAverage(OneOne), 1e-14);

        var general = WidthTwoCollapseChain.GeneralPosition;
        Assert.Equal(GeneralAverage(BothBoth), general.BothBoth, 1e-14);
        Assert.Equal(GeneralAverage(BothOne), general.BothOne, 1e-14);
        Assert.Equal(GeneralAverage(OneOne), general.OneOne, 1e-14);
        var axis = WidthTwoCollapseChain.AxisPosition;
        Assert.Equal(AxisAverage(BothBoth), axis.BothBoth, 1e-14);
        Assert.Equal(AxisAverage(BothOne), axis.BothOne, 1e-14);
        Assert.Equal(AxisAverage(OneOne), axis.OneOne, 1e-14);
        // Per neuron the four states sum to 1 at every θ, so the 16 pair moments do: 4·BB + 8·BO + 4·OO = 1.
        Assert.Equal(1.0, 4 * general.BothBoth + 8 * general.BothOne + 4 * general.OneOne, 1e-15);
        Assert.Equal(1.0, 4 * axis.BothBoth + 8 * axis.BothOne + 4 * axis.OneOne, 1e-15);
    }

    [Fact]
    public void ExactEarlyValues()
    {
        double[] rho2 = [1, 1, 1, 3, 1, 1, 1, 3, 1, 1, 1, 3, 3, 3, 3, 5];
        var actual = WidthTwoCollapseChain.Distribution(2);
        for (int j = 0; j < 16; j++)
            Assert.Equal(rho2[j] / 32, actual[j], 1e-15);
        Assert.Equal(0.0, WidthTwoCollapseChain.CollapseProbability(1));
        Assert.Equal(5.0 / 32, WidthTwoCollapseChain.CollapseProbability(2), 1e-15);
        Assert.Equal(1045.0 / 3072, WidthTwoCollapseChain.CollapseProbability(3), 1e-15);
        Assert.Equal(146041.0 / 294912, WidthTwoCollapseChain.CollapseProbability(4), 1e-15);
    }

    [Fact]
    public void RememberedSeriesEqualsTheDistributionAtEveryDepthInAnyOrder()
    {
        // The collapse probabilities are remembered per depth range; a deep request, then shallow ones, then deeper
        // ones must each equal a fresh propagation of the chain to that depth.
        foreach (int layers in new[] { 700, 3, 1, 64, 699, 1500, 2 })
            Assert.Equal(Math.Clamp(WidthTwoCollapseChain.Distribution(layers)[15], 0.0, 1.0), WidthTwoCollapseChain.CollapseProbability(layers));
    }

    [Fact]
    public void ReproducesThePublishedListForOneToTwentyLayers()
    {
        for (int l = 1; l <= 20; l++)
        {
            double actual = WidthTwoCollapseChain.CollapseProbability(l);
            Assert.True(Math.Abs(actual - PublishedCollapse[l - 1]) <= 5e-5 + 1e-12,
                $"L = {l}: {actual} does not round to {PublishedCollapse[l - 1]}");
        }
    }

    [Fact]
    public void DistributionMatchesPowersOfThePublishedMatrix()
    {
        var published = PublishedMatrix();
        var rho = PublishedRho1();
        for (int l = 1; l <= 40; l++)
        {
            var actual = WidthTwoCollapseChain.Distribution(l);
            for (int j = 0; j < 16; j++)
                Assert.Equal(rho[j], actual[j], 1e-13);
            Assert.Equal(actual[15], WidthTwoCollapseChain.CollapseProbability(l), 1e-15);
            rho = published * rho;
        }
    }

    [Fact]
    public void PositiveSideMarginalIsTheorem8()
    {
        // Whatever the angles, the x >= 0 side alone dies with probability 1/4 per layer (Lemma 7), so the
        // probability that it is dead (cases 13..16) is exactly 1 - (3/4)^L: the chain must reproduce Theorem 8.
        for (int l = 1; l <= 40; l++)
        {
            var rho = WidthTwoCollapseChain.Distribution(l);
            double positiveSideDead = rho[12] + rho[13] + rho[14] + rho[15];
            Assert.Equal(1 - Math.Pow(0.75, l), positiveSideDead, 1e-14);
            Assert.Equal(CollapseTheory.PerInputZeroProbability(2, l), positiveSideDead, 1e-14);
            Assert.Equal(1.0, rho.Sum(), 1e-14);
            Assert.All(rho, x => Assert.True(x >= 0));
        }
    }

    [Property(MaxTest = 100)]
    public void DistributionIsSymmetricUnderSwappingSidesAndNeurons(byte raw)
    {
        int layers = 1 + raw % 60;
        var rho = WidthTwoCollapseChain.Distribution(layers);
        int SwapNeurons(int pattern) => pattern switch { 1 => 2, 2 => 1, _ => pattern };
        for (int u = 0; u < 4; u++)
            for (int v = 0; v < 4; v++)
            {
                Assert.Equal(rho[4 * u + v], rho[4 * v + u], 1e-15);                             // x -> -x
                Assert.Equal(rho[4 * u + v], rho[4 * SwapNeurons(u) + SwapNeurons(v)], 1e-15);   // relabel neurons
            }
    }

    [Property(MaxTest = 100)]
    public void CollapseIsNonDecreasingAndBelowTheorem8(byte raw)
    {
        int layers = 1 + raw % 200;
        double here = WidthTwoCollapseChain.CollapseProbability(layers);
        Assert.True(here <= WidthTwoCollapseChain.CollapseProbability(layers + 1));
        Assert.InRange(here, 0, CollapseTheory.PerInputZeroProbability(2, layers));
    }

    [Fact]
    public void LowerBoundEqualsTheorem10AtTwoLayers() =>
        Assert.Equal(WidthTwoCollapseChain.CollapseProbability(2), CollapseTheory.BornDeadLowerBound(2, 2), 1e-15);

    [Fact]
    public void Theorem10DropsBelowTheRefinedLowerBoundFromThirteenLayers()
    {
        // A comparison of two formulas, not a simulation result: the uniform-angle chain is within [lower, upper] up to
        // L = 12 and below the journal's lower bound from L = 13 on (recorded in docs/theory/collapse.md).
        for (int l = 1; l <= 60; l++)
        {
            double theorem10 = WidthTwoCollapseChain.CollapseProbability(l);
            Assert.True(theorem10 <= CollapseTheory.BornDeadUpperBound(2, l), $"upper at L = {l}");
            if (l <= 12)
                Assert.True(theorem10 >= CollapseTheory.BornDeadLowerBound(2, l) - 1e-15, $"lower at L = {l}");
            else if (l <= 40)
                Assert.True(theorem10 < CollapseTheory.BornDeadLowerBound(2, l), $"expected below lower at L = {l}");
        }
    }

    [Fact]
    public void HugeDepthTerminatesAtOne()
    {
        Assert.Equal(1.0, WidthTwoCollapseChain.CollapseProbability(int.MaxValue), 1e-14);
        Assert.Equal(1.0, WidthTwoCollapseChain.Distribution(int.MaxValue).Sum(), 1e-14);
    }

    [Fact]
    public void GettersReturnCopies()
    {
        var p = WidthTwoCollapseChain.TransitionMatrix;
        p[0, 0] = 42;
        p.Clear();
        var rho1 = WidthTwoCollapseChain.InitialDistribution;
        rho1[3] = 7;
        Assert.Equal(17.0 / 96, WidthTwoCollapseChain.TransitionMatrix[0, 0], 1e-15);
        Assert.Equal(0.25, WidthTwoCollapseChain.InitialDistribution[3]);
        var rho2 = WidthTwoCollapseChain.Distribution(2);
        rho2[15] = 9;
        Assert.Equal(5.0 / 32, WidthTwoCollapseChain.Distribution(2)[15], 1e-15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void NonPositiveLayerCountsAreRejected(int layers)
    {
        Assert.Equal("layers", Assert.Throws<ArgumentOutOfRangeException>(() => WidthTwoCollapseChain.Distribution(layers)).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentOutOfRangeException>(() => WidthTwoCollapseChain.CollapseProbability(layers)).ParamName);
    }
}
