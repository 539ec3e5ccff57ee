using MathNet.Numerics.LinearAlgebra;
using ReluKernels.Activations;
using ReluKernels.Theory.Conditioning;

namespace ReluKernels.Tests.Theory.Conditioning;

/// <summary>
/// The NTK bounds (Agarwal et al. 2021, Theorems 3.4, 3.8, Corollaries 3.5, 3.9 in our form) hold on the computed scalar
/// NTK sequences and NTK matrices, for every activation whose NTK exists, and are not vacuous: they fall to ~0 with depth.
/// </summary>
public class NeuralTangentBoundsTests
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

    // Sign is left out: σ̂′(1) is infinite, its NTK does not exist.
    private static IEnumerable<ScalarActivation> Activations() =>
        [new NormalisedRelu(), new Exponential(), new NormalisedErf(), new Hermite(2), new Normalised(new LeakyRelu(0.2))];

    private static (DualActivation Dual, double Mu, double Slope) Of(string name)
    {
        var s = Activations().First(a => a.ToString() == name);
        var dual = new DualActivation(s);
        return (dual, ActivationMoments.Of(s).NonLinearity, dual.Derivative(1));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivative_bound_holds_on_a_grid(string name)
    {
        var (dual, mu, slope) = Of(name);
        for (int i = -500; i <= 500; i++)
        {
            double rho = i / 1000.0;
            double derivative = Math.Abs(dual.Derivative(rho));
            Assert.True(derivative <= NeuralTangentBounds.DerivativeFactor(mu, slope, Math.Abs(rho)) + ConditioningTolerances.Rounding, $"{name}, ρ {rho}: {derivative}");
        }
        Assert.True(Math.Abs(dual.Derivative(-0.9)) <= NeuralTangentBounds.DerivativeFactor(mu, slope, 0.9) + ConditioningTolerances.Rounding);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Scalar_ntk_stays_below_theorem_3_4_and_the_bound_vanishes(string name)
    {
        var (dual, mu, slope) = Of(name);
        foreach (double delta in new[] { 0.001, 0.01, 0.1, 0.5 })
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                var theta = NeuralTangentMap.Sequence(dual, sign * (1 - delta), 150);
                for (int l = 0; l < theta.Length; l++)
                {
                    double ratio = Math.Abs(theta[l]) / NeuralTangentBounds.Diagonal(slope, l);
                    double bound = NeuralTangentBounds.RelativeCorrelation(mu, slope, delta, l);
                    Assert.True(ratio <= bound + ConditioningTolerances.Rounding, $"{name}, δ {delta}, depth {l}: {ratio} > {bound}");
                }
            }
        // Not vacuous: erf's μ ≈ 0.086 needs the longest; every activation's bound is small by depth 150 at δ = 0.1.
        Assert.True(NeuralTangentBounds.RelativeCorrelation(mu, slope, 0.1, 150) < 0.05, name);
    }

    [Fact]
    public void Bound_formulas_by_hand()
    {
        Assert.Equal(1.0 + 2 + 4, NeuralTangentBounds.Diagonal(2, 2));
        Assert.Equal(0.9, NeuralTangentBounds.RelativeCorrelation(0.5, 1.5, 0.1, 0), 1e-15);   // Θ^(0) = G
        Assert.Equal(1 - 0.5 * 0.6, NeuralTangentBounds.DerivativeFactor(0.5, 1.5, 0.2), 1e-15);
        Assert.Equal(1.5, NeuralTangentBounds.DerivativeFactor(0.5, 1.5, 0.6));
        // Depth 1, μ = 1, s = 2, δ = 0.5 (L₀ = 0): r₁ = (δ₁ + d(δ₀)·δ₀)/(1 + s) with δ₀ = 1/2, δ₁ = 1/4, d(1/2) = 1.
        Assert.Equal((0.25 + 1 * 0.5) / 3, NeuralTangentBounds.RelativeCorrelation(1, 2, 0.5, 1), 1e-15);
        TheoryAssert.OutOfRange("derivativeAtOne", () => NeuralTangentBounds.Diagonal(double.PositiveInfinity, 3));
        TheoryAssert.OutOfRange("lambda", () => NeuralTangentBounds.SmallestEigenvalueExact(Of("normalised-relu").Dual, 0, 3));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Ntk_matrix_conditioning_stays_within_corollary_3_5(string name)
    {
        var (dual, mu, slope) = Of(name);
        var gram = RandomGram(12, 3, seed: 5);   // n > d: only Assumption A
        double delta = GramMatrix.Separation(gram);
        var byDepth = InfiniteWidthKernel.ByDepth(dual, gram, 150);
        for (int l = 0; l < byDepth.Count; l++)
        {
            var theta = byDepth[l].NeuralTangent!;
            double diagonal = NeuralTangentBounds.Diagonal(slope, l);
            double largest = 0;
            for (int i = 0; i < theta.RowCount; i++)
                for (int j = 0; j < i; j++)
                    largest = Math.Max(largest, Math.Abs(theta[i, j]) / diagonal);
            Assert.True(largest <= NeuralTangentBounds.RelativeCorrelation(mu, slope, delta, l) + ConditioningTolerances.Rounding, $"{name}, depth {l}: {largest}");
            if (l >= 1)
                Assert.True(KernelSpectrum.Of(theta).ConditionNumber <= NeuralTangentBounds.ConditionNumber(mu, slope, delta, 12, l) * (1 + 1e-9), $"{name}, depth {l}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Ntk_smallest_eigenvalue_bounds_hold_under_assumption_b(string name)
    {
        var (dual, mu, slope) = Of(name);
        var gram = RandomGram(6, 8, seed: 11);   // n < d: G is positive definite
        double lambda = KernelSpectrum.Of(gram).SmallestEigenvalue;
        Assert.True(lambda > 0);
        var byDepth = InfiniteWidthKernel.ByDepth(dual, gram, 40);
        for (int l = 0; l < byDepth.Count; l++)
        {
            var spectrum = KernelSpectrum.Of(byDepth[l].NeuralTangent!);
            double exact = NeuralTangentBounds.SmallestEigenvalueExact(dual, lambda, l);
            double scale = NeuralTangentBounds.Diagonal(slope, l);
            Assert.True(spectrum.SmallestEigenvalue >= exact - 1e-10 * scale, $"{name}, Lemma C.8, depth {l}: {spectrum.SmallestEigenvalue} < {exact}");
            Assert.True(exact >= NeuralTangentBounds.SmallestEigenvalue(mu, slope, lambda, l) - ConditioningTolerances.Rounding * scale, $"{name}, Theorem 3.8, depth {l}");
            Assert.True(spectrum.ConditionNumber <= NeuralTangentBounds.ConditionNumberUnderAssumptionB(mu, slope, lambda, 6, l) * (1 + 1e-9), $"{name}, Corollary 3.9, depth {l}");
        }
    }

    private static Matrix<double> RandomGram(int n, int dimension, int seed)
    {
        var random = new System.Random(seed);
        var inputs = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, dimension).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToList();
        return GramMatrix.Of(inputs);
    }
}
