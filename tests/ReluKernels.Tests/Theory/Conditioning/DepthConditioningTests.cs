using MathNet.Numerics.LinearAlgebra;
using ReluKernels.Activations;
using ReluKernels.Theory.Conditioning;

namespace ReluKernels.Tests.Theory.Conditioning;

/// <summary>
/// Depth: the correlation map contracts for μ &gt; 0, the reconstructed bounds of Agarwal et al. (2021) hold on the
/// computed sequences and kernel matrices, the NTK recursion equals the unrolled formula (7), and the kernel's condition
/// number falls to 1 with depth on a random data set.
/// </summary>
public class DepthConditioningTests
{
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var a in Activations())
                data.Add(a.ToString());
            return data;
        }
    }

    private static IEnumerable<ScalarActivation> Activations() =>
        [new NormalisedRelu(), new Sign(), new Exponential(), new NormalisedErf(), new Hermite(2), new Normalised(new LeakyRelu(0.2))];

    private static ScalarActivation ByName(string name) => Activations().First(a => a.ToString() == name);

    private static double Mu(ScalarActivation s) => ActivationMoments.Of(s).NonLinearity;

    [Theory]
    [MemberData(nameof(Names))]
    public void Correlation_map_contracts_and_stays_below_the_bound(string name)
    {
        var s = ByName(name);
        var dual = new DualActivation(s);
        double mu = Mu(s);
        foreach (double delta in new[] { 0.001, 0.01, 0.1, 0.5 })
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                var rho = CorrelationMap.Sequence(dual, sign * (1 - delta), 150);
                for (int l = 0; l < rho.Length; l++)
                {
                    // Lemma C.5, one step: |σ̂(ρ)| ≤ (1 − μ)|ρ| + μρ², strictly below |ρ| for 0 < |ρ| < 1.
                    if (l > 0)
                        Assert.True(Math.Abs(rho[l]) <= (1 - mu) * Math.Abs(rho[l - 1]) + mu * rho[l - 1] * rho[l - 1] + ConditioningTolerances.Rounding,
                            $"{name}, δ {delta}, step {l}: {rho[l]} after {rho[l - 1]}");
                    double bound = ConditioningBounds.Correlation(mu, delta, l);
                    Assert.True(Math.Abs(rho[l]) <= bound + ConditioningTolerances.Rounding, $"{name}, δ {delta}, depth {l}: |ρ| {Math.Abs(rho[l])} > δ_L {bound}");
                }
                Assert.True(Math.Abs(rho[^1]) < 1e-3, $"{name}, δ {delta}: ρ_150 = {rho[^1]}");
            }
    }

    [Fact]
    public void Bound_formulas_by_hand()
    {
        // μ = 1, δ = 0.01: L₀ = ⌈ln 50 / ln 1.5⌉ = ⌈9.648⌉ = 10; δ_5 = 1 − 1.5⁵·0.01; δ_12 = 0.5·0.5².
        Assert.Equal(10, ConditioningBounds.DepthToHalf(1, 0.01));
        Assert.Equal(1 - Math.Pow(1.5, 5) * 0.01, ConditioningBounds.Correlation(1, 0.01, 5), 1e-15);
        Assert.Equal(0.125, ConditioningBounds.Correlation(1, 0.01, 12), 1e-15);
        Assert.Equal(10 + (int)Math.Ceiling(2 * Math.Log(8)), ConditioningBounds.ConditionedDepth(1, 0.01, 8));
        Assert.True(double.IsPositiveInfinity(ConditioningBounds.ConditionNumber(1, 0.01, 8, 0)));
        TheoryAssert.OutOfRange("mu", () => ConditioningBounds.Correlation(0, 0.1, 3));
        TheoryAssert.OutOfRange("delta", () => ConditioningBounds.Correlation(0.5, 1.5, 3));
    }

    [Fact]
    public void Ntk_recursion_equals_formula_7_and_has_the_stated_diagonal()
    {
        var dual = new DualActivation(new NormalisedRelu());
        const int depth = 7;
        foreach (double rho in new[] { -0.4, 0.3, 0.95, 1 })
        {
            var k = CorrelationMap.Sequence(dual, rho, depth);
            // Θ^(L) = Σ_{h=1}^{L+1} K^(h−1) Π_{h'=h}^{L} σ̂′(K^(h'−1)).
            double sum = 0;
            for (int h = 1; h <= depth + 1; h++)
            {
                double product = 1;
                for (int hp = h; hp <= depth; hp++)
                    product *= dual.Derivative(k[hp - 1]);
                sum += k[h - 1] * product;
            }
            Assert.Equal(sum, NeuralTangentMap.Sequence(dual, rho, depth)[depth], 1e-12);
        }
        double slope = Math.PI / (Math.PI - 1), diagonal = 0;
        for (int i = 0; i <= depth; i++)
            diagonal += Math.Pow(slope, i);
        Assert.Equal(diagonal, NeuralTangentMap.Sequence(dual, 1, depth)[depth], 1e-10);
    }

    private static Matrix<double> RandomGram(int n, int dimension, int seed)
    {
        var random = new System.Random(seed);
        var inputs = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, dimension).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToList();
        return GramMatrix.Of(inputs);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Kernel_condition_number_falls_to_one_with_depth_within_the_bounds(string name)
    {
        var s = ByName(name);
        var dual = new DualActivation(s);
        double mu = Mu(s);
        var gram = RandomGram(12, 3, seed: 5);   // n > d: G is singular (λ = 0), only Assumption A holds
        double delta = GramMatrix.Separation(gram);
        var byDepth = InfiniteWidthKernel.ByDepth(dual, gram, 150);   // erf (μ ≈ 0.086) needs ~100 layers
        double previous = double.PositiveInfinity;
        for (int l = 1; l < byDepth.Count; l++)
        {
            var spectrum = KernelSpectrum.Of(byDepth[l].TopLayer);
            Assert.True(spectrum.MaxOffDiagonalCorrelation <= ConditioningBounds.Correlation(mu, delta, l) + ConditioningTolerances.Rounding, $"{name}, depth {l}");
            Assert.True(spectrum.ConditionNumber <= ConditioningBounds.ConditionNumber(mu, delta, 12, l) * (1 + 1e-9), $"{name}, depth {l}: κ {spectrum.ConditionNumber}");
            if (l >= ConditioningBounds.ConditionedDepth(mu, delta, 12))
                Assert.True(spectrum.ConditionNumber <= 1 + 4 * 12 * ConditioningBounds.Correlation(mu, delta, l) + 1e-9, $"{name}, depth {l}");
            if (l > 20)
                Assert.True(spectrum.ConditionNumber <= previous * (1 + 1e-9), $"{name}: κ rose at depth {l}");
            previous = spectrum.ConditionNumber;
        }
        Assert.True(previous < 1.05, $"{name}: κ(K^(150)) = {previous}");
    }

    [Fact]
    public void Smallest_eigenvalue_bounds_hold_under_assumption_b()
    {
        var dual = new DualActivation(new NormalisedRelu());
        double mu = Mu(new NormalisedRelu());
        var gram = RandomGram(6, 8, seed: 11);   // n < d: G is positive definite
        double lambda = KernelSpectrum.Of(gram).SmallestEigenvalue;
        Assert.True(lambda > 0);
        var byDepth = InfiniteWidthKernel.ByDepth(dual, gram, 40);
        for (int l = 0; l < byDepth.Count; l++)
        {
            var spectrum = KernelSpectrum.Of(byDepth[l].TopLayer);
            double exact = ConditioningBounds.SmallestEigenvalueExact(dual, lambda, l);
            Assert.True(spectrum.SmallestEigenvalue >= exact - 1e-10, $"Lemma C.8, depth {l}: {spectrum.SmallestEigenvalue} < {exact}");
            Assert.True(exact >= ConditioningBounds.SmallestEigenvalue(mu, lambda, l) - ConditioningTolerances.Rounding, $"Theorem 3.6, depth {l}");
            Assert.True(spectrum.ConditionNumber <= ConditioningBounds.ConditionNumberUnderAssumptionB(mu, lambda, 6, l) * (1 + 1e-9), $"Corollary 3.7, depth {l}");
        }
    }

    [Fact]
    public void Ntk_matrix_has_equal_diagonal_and_becomes_well_conditioned()
    {
        var dual = new DualActivation(new NormalisedRelu());
        var theta = InfiniteWidthKernel.NeuralTangent(dual, RandomGram(10, 3, seed: 3), 80);
        for (int i = 1; i < theta.RowCount; i++)
            Assert.Equal(theta[0, 0], theta[i, i], 1e-9 * theta[0, 0]);
        Assert.True(KernelSpectrum.Of(theta).ConditionNumber < 1.2);
        Assert.Null(InfiniteWidthKernel.ByDepth(new DualActivation(new Sign()), RandomGram(3, 3, 1), 2)[2].NeuralTangent);
    }

    [Fact]
    public void Bad_data_and_unnormalised_activations_are_refused()
    {
        TheoryAssert.Invalid("inputs", () => GramMatrix.Of([[1, 0], [0, 0]]));
        TheoryAssert.Invalid("inputs", () => GramMatrix.Of([[1, 2], [2, 4]]));
        TheoryAssert.Invalid("inputs", () => GramMatrix.Of([[1, 2], [3]]));
        TheoryAssert.Invalid("inputs", () => GramMatrix.Of([[double.NaN, 1], [1, 0]]));
        TheoryAssert.Invalid("dual", () => InfiniteWidthKernel.TopLayer(new DualActivation(new Relu()), RandomGram(3, 3, 1), 2));
    }
}
