using ReluKernels.Degeneracy;
using ReluKernels.Degeneracy.Examples;

namespace ReluKernels.Tests.Degeneracy;

/// <summary>The example families diverge as Berner, Elbrächter &amp; Grohs (2019) say; the restricted space keeps the ratio bounded.</summary>
public class ExampleFamilyTests
{
    private const int Steps = 8;

    public static TheoryData<string> Families => [.. ExampleFamilies.All.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(Families))]
    public void The_realisation_distance_vanishes_while_the_parameter_distance_does_not(string id)
    {
        var family = ExampleFamilies.All.Single(f => f.Id == id);
        var points = ExampleFamilyStudy.Measure(family, Steps);
        var ratio = family.DivergesInSobolevNorm ? points.Select(p => p.RatioSobolev).ToArray() : points.Select(p => p.RatioUniform).ToArray();
        var realisation = family.DivergesInSobolevNorm ? points.Select(p => Math.Max(p.Uniform, p.SobolevSemiNorm)).ToArray() : points.Select(p => p.Uniform).ToArray();
        // Every family steps its parameter by a factor 2 (n) or 10 (ε), so the realisation distance falls by at least
        // that factor's square root per step and the ratio grows by at least as much: strict growth, not copied values.
        for (int k = 1; k < Steps; k++)
        {
            Assert.True(realisation[k] < realisation[k - 1] / Math.Sqrt(2), $"step {k}: realisation {realisation[k]} after {realisation[k - 1]}");
            Assert.True(ratio[k] > ratio[k - 1] * Math.Sqrt(Math.Sqrt(2)), $"step {k}: ratio {ratio[k]} after {ratio[k - 1]}");
        }
        // The parameter distance does not go to 0: at the last step it is still at least the first step's half.
        Assert.True(points[^1].ParameterDistance >= 0.5 * Math.Min(1, points[0].ParameterDistance), $"distance {points[^1].ParameterDistance}");
    }

    [Fact]
    public void Example_2_1_is_stable_in_the_Sobolev_norm()
    {
        // The ramp of height 1/n and slope n: uniform distance 1/n, semi-norm n, distance √n (hand-computed: λn² = 1/(λn)).
        var points = ExampleFamilyStudy.Measure(ExampleFamilies.ExplodingGradient, Steps);
        foreach (var p in points)
        {
            Assert.Equal(1 / p.Parameter, p.Uniform, 1e-12);
            Assert.Equal(p.Parameter, p.SobolevSemiNorm, 1e-9 * p.Parameter);
            Assert.Equal(Math.Sqrt(p.Parameter), p.ParameterDistance, 1e-9 * p.Parameter);
            Assert.InRange(p.RatioSobolev, 0, 1 + 1e-9);
        }
    }

    [Fact]
    public void Every_family_has_matching_shapes_and_its_stated_parameters()
    {
        foreach (var family in ExampleFamilies.All)
        {
            var pair = family.Build(family.ParameterAt(0));
            Assert.True(pair.Gamma.HasSameShape(pair.Theta), family.Id);
            Assert.Equal(1, pair.Gamma.InputDim);
        }
        Assert.Equal([1, 2, 4], Enumerable.Range(0, 3).Select(ExampleFamilies.ExplodingGradient.ParameterAt));
        Assert.Equal(1e-3, ExampleFamilies.OppositeVectors2.ParameterAt(2), 1e-18);
        Assert.Throws<ArgumentOutOfRangeException>(() => ExampleFamilyStudy.Measure(ExampleFamilies.OppositeVectors1, 0));
    }

    [Fact]
    public void Example_2_4_Gamma_is_a_balanced_non_redundant_parametrisation_of_zero()
    {
        var pair = ExampleFamilies.OppositeVectors1.Build(1e-3);
        var zero = new LayeredNetwork([new DenseLayer(1, 6, new double[6], new double[6]), new DenseLayer(6, 1, new double[6], [0.0])]);
        Assert.InRange(RealisationDistance.Exact(pair.Gamma, zero, 2).SobolevNorm, 0, DegeneracyTolerances.ZeroDistance);
        var report = DegeneracyDiagnostics.Diagnose(pair.Gamma, radius: 2);
        Assert.Empty(report.Layers[0].ParallelPairs);
        Assert.Equal(3, report.Layers[0].OppositePairs.Count);
    }
}

/// <summary>The inverse-stability ratio over random pairs: unbounded in P near Example 2.2's degeneracy, bounded in Q.</summary>
public class RestrictedSpaceTests
{
    /// <summary>
    /// C′ = √2 + C with C = 2: the reconstruction of Corollary 3.3's constant from Theorem 3.1 (β = √(2ε) plus C·ε^{1/2});
    /// the paper's C could not be confirmed, so this is a caveated reference bound, not the paper's number.
    /// </summary>
    private static readonly double ReconstructedBound = Math.Sqrt(2) + 2;

    [Fact]
    public void The_ratio_is_bounded_in_Q_but_not_in_P()
    {
        var result = RestrictedSpaceStudy.Run(width: 4, pairs: 400, seed: 20, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal((400, 0), (result.Restricted.Count, result.Restricted.Infinite));
        // The Q ratio is an upper estimate (permutation distance over a lower estimate of the semi-norm), so a bound on it holds for the corollary's.
        Assert.InRange(result.Restricted.Max, 0, ReconstructedBound);
        // In P the planted pairs (Example 2.2's degeneracy) drive the ratio far beyond any such bound, and the more the smaller σ.
        Assert.True(result.Unrestricted.Max > 10 * ReconstructedBound, $"P max {result.Unrestricted.Max}");
        var planted = result.Pairs.Where(p => p.Planted).ToArray();
        // Medians: a planted neuron with a small incoming vector costs little to turn around, so single pairs vary.
        double smallSigma = RatioSummary.Of(planted.Where(p => p.Sigma < 1e-4).Select(p => p.UnrestrictedRatio)).Median;
        double largeSigma = RatioSummary.Of(planted.Where(p => p.Sigma > 1e-2).Select(p => p.UnrestrictedRatio)).Median;
        Assert.True(smallSigma > 3 * largeSigma, $"planted pairs: median ratio {smallSigma} at σ < 1e-4, {largeSigma} at σ > 1e-2");
    }

    [Fact]
    public void The_study_is_reproducible_and_rejects_bad_input()
    {
        var first = RestrictedSpaceStudy.Run(width: 3, pairs: 6, seed: 5, cancellationToken: TestContext.Current.CancellationToken);
        var again = RestrictedSpaceStudy.Run(width: 3, pairs: 6, seed: 5, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(first.Pairs, again.Pairs);
        Assert.Throws<ArgumentException>(() => RestrictedSpaceStudy.Run(3, 1, 5, tolerance: 0, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => RestrictedSpaceStudy.Run(0, 1, 5, cancellationToken: TestContext.Current.CancellationToken));
    }
}
