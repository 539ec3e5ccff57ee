using FsCheck.Xunit;
using ReluKernels.Degeneracy;

namespace ReluKernels.Tests.Degeneracy;

/// <summary>Parameter and realisation distances against hand-computed cases, brute force and the paper's Example 2.2.</summary>
public class DistanceTests
{
    [Fact]
    public void A_permuted_rescaled_copy_is_at_distance_zero()
    {
        var gamma = DegeneracyNetworks.Shallow([[1, -2], [0.5, 3], [-1, 1]], [0.3, -1, 2], [2, -1, 0.5], outputBias: 0.25);
        // Θ: Γ's neurons in the order 2, 0, 1, rescaled by 4, 0.5 and 2.
        var theta = DegeneracyNetworks.Shallow([[-4, 4], [0.5, -1], [1, 6]], [8, 0.15, -2], [0.125, 4, -0.5], outputBias: 0.25);
        var result = ParameterDistance.UpToSymmetries(theta, gamma);
        Assert.InRange(result.Distance, 0, DegeneracyTolerances.ZeroDistance);
        Assert.Equal([1, 2, 0], result.Assignment);
        Assert.True(ParameterDistance.Plain(theta, gamma) > 1);
        var realisation = RealisationDistance.Sampled(theta, gamma, ReluKernels.Analysis.PointSets.Grid(2, 21, 1));
        Assert.InRange(realisation.Uniform, 0, 1e-12);
        Assert.InRange(realisation.SobolevSemiNorm, 0, 1e-12);
        Assert.False(realisation.IsExact);
    }

    [Fact]
    public void A_hand_computed_pair()
    {
        // Θ = ρ(2x), Γ = ρ(x): min over λ of max(|2λ − 1|, |1/λ − 1|) is at 2λ − 1 = 1/λ − 1, λ = 1/√2: √2 − 1.
        var theta = DegeneracyNetworks.Shallow([[2]], [0], [1]);
        var gamma = DegeneracyNetworks.Shallow([[1]], [0], [1]);
        Assert.Equal(Math.Sqrt(2) - 1, ParameterDistance.UpToSymmetries(theta, gamma).Distance, 1e-15);
        Assert.Equal(1, ParameterDistance.Plain(theta, gamma));
        // f − g = ρ(x) on [−1, 1]: sup 1, slopes 1 on (0, 1).
        var distance = RealisationDistance.Exact(theta, gamma, 1);
        Assert.Equal((1.0, 1.0, true), (distance.Uniform, distance.SobolevSemiNorm, distance.IsExact));
    }

    [Fact]
    public void Exact_realisation_distance_of_a_hand_computed_pair_with_different_widths()
    {
        // f = ρ(x) − ρ(−x) = x and g = 0.5·ρ(x − 0.5): f − g = x on [−1, 0.5], then 0.5x + 0.25; sup |f − g| = 1 at x = −1
        // (0.75 at x = 1), slopes 1 and 0.5.
        var f = DegeneracyNetworks.Shallow([[1], [-1]], [0, 0], [1, -1]);
        var g = DegeneracyNetworks.Shallow([[1]], [-0.5], [0.5]);
        var distance = RealisationDistance.Exact(f, g, 1);
        Assert.Equal(1, distance.Uniform, 1e-15);
        Assert.Equal(1, distance.SobolevSemiNorm, 1e-15);
        var onHalf = RealisationDistance.Exact(f, g, 0.25);
        Assert.Equal(0.25, onHalf.Uniform, 1e-15);
    }

    [Property(MaxTest = 200, Replay = "(98765432109876543,1234567891)")]
    public void The_pair_cost_is_the_minimum_over_a_fine_grid_of_scalings(double a0, double a1, double c0, double b0, double b1, double d0)
    {
        double[] a = [Clip(a0), Clip(a1)], c = [Clip(c0)], a2 = [Clip(b0), Clip(b1)], c2 = [Clip(d0)];
        var theta = DegeneracyNetworks.Shallow([[a[0]]], [a[1]], [c[0]]);
        var gamma = DegeneracyNetworks.Shallow([[a2[0]]], [a2[1]], [c2[0]]);
        double exact = ParameterDistance.UpToSymmetries(theta, gamma).Distance;
        // Brute force over λ = 10^(k/2000), k = −12000..12000 (1e-6 to 1e6), plus the λ → 0 and λ → ∞ limits.
        double grid = double.PositiveInfinity;
        for (int k = -12000; k <= 12000; k++)
        {
            double lambda = Math.Pow(10, k / 2000.0);
            double cost = Math.Max(Math.Max(Math.Abs(lambda * a[0] - a2[0]), Math.Abs(lambda * a[1] - a2[1])), Math.Abs(c[0] / lambda - c2[0]));
            grid = Math.Min(grid, cost);
        }
        if (c[0] == 0)
            grid = Math.Min(grid, Math.Max(Math.Max(Math.Abs(a2[0]), Math.Abs(a2[1])), Math.Abs(c2[0])));
        Assert.True(exact <= grid + 1e-12, $"exact {exact} > grid {grid}");
        // The grid's relative step is 10^(1/2000) − 1 ≈ 1.2e-3, so it misses the optimum by at most ~1.2e-3·(|a| + |c|)·max.
        Assert.True(grid - exact <= 2e-3 * (1 + grid), $"grid {grid} far above exact {exact}");
    }

    private static double Clip(double value) => double.IsFinite(value) ? Math.Round(Math.Clamp(value, -5, 5), 1) : 0;

    [Fact]
    public void Complete_unbalancedness_realisation_distance_vanishes_while_parameter_distance_does_not()
    {
        // Berner, Elbrächter & Grohs (2019), Example 2.2's mechanism: Γ = (a = −1, c = 0) realises 0; Θ_ε = (√ε, √ε)
        // realises ε·ρ(x). Every rescaling of Θ_ε keeps a > 0, so |a − (−1)| > 1: the parameter distance stays ≥ 1.
        var gamma = DegeneracyNetworks.Shallow([[-1]], null, [0]);
        for (int k = 1; k <= 8; k++)
        {
            double epsilon = Math.Pow(10, -k);
            var theta = DegeneracyNetworks.Shallow([[Math.Sqrt(epsilon)]], null, [Math.Sqrt(epsilon)]);
            var realisation = RealisationDistance.Exact(theta, gamma, 1);
            Assert.Equal(epsilon, realisation.Uniform, epsilon * 1e-12);
            Assert.Equal(epsilon, realisation.SobolevSemiNorm, epsilon * 1e-12);
            Assert.True(ParameterDistance.UpToSymmetries(theta, gamma).Distance >= 1);
        }
    }

    [Fact]
    public void Mismatched_architectures_are_rejected_naming_both()
    {
        var narrow = DegeneracyNetworks.Shallow([[1]], [0], [1]);
        var wide = DegeneracyNetworks.Shallow([[1], [2]], [0, 0], [1, 1]);
        var error = Assert.Throws<ArgumentException>(() => ParameterDistance.UpToSymmetries(narrow, wide));
        Assert.Contains(narrow.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(wide.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ParameterDistance.Plain(narrow, wide));
        var twoD = DegeneracyNetworks.Shallow([[1, 1]], [0], [1]);
        Assert.Throws<ArgumentException>(() => RealisationDistance.Exact(narrow, twoD));
    }
}
