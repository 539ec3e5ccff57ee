using ReluKernels.Activations;
using ReluKernels.Theory.Conditioning;

namespace ReluKernels.Tests.Theory.Conditioning;

/// <summary>
/// μ = 1 − (E[X σ(X)])² of the normalised activation (Agarwal et al. 2021, Definition 3.1) against values derived here
/// by hand, and the Hermite coefficients against their definition.
/// </summary>
public class NonLinearityTests
{
    [Fact]
    public void Relu_mu_from_its_moments()
    {
        // ReLU: E[X max(X,0)] = 1/2 (half of E X²), Var max(X,0) = 1/2 − 1/(2π). μ = 1 − (1/2)²/(1/2 − 1/(2π)).
        double expected = 1 - 0.25 / (0.5 - 0.5 / Math.PI);
        TheoryAssert.Close(expected, ActivationMoments.Of(new Relu()).NonLinearity, ConditioningTolerances.Quadrature, "relu");
        TheoryAssert.Close(expected, ActivationMoments.Of(new NormalisedRelu()).NonLinearity, ConditioningTolerances.Quadrature, "normalised relu");
        TheoryAssert.Close(expected, NonLinearityTable.ClosedForm(new Relu())!.Value, 1e-15, "App. C.4 closed form");
    }

    [Fact]
    public void Sign_exponential_and_hermite_mu()
    {
        // sign: E[X sign X] = E|X| = √(2/π), so μ = 1 − 2/π.
        TheoryAssert.Close(1 - 2 / Math.PI, ActivationMoments.Of(new Sign()).NonLinearity, ConditioningTolerances.Quadrature, "sign");
        // e^x: E[X e^X] = e^{1/2} (Stein), Var e^X = e(e − 1): μ = 1 − e/(e(e − 1)) = 1 − 1/(e − 1).
        TheoryAssert.Close(1 - 1 / (Math.E - 1), ActivationMoments.Of(new Exponential()).NonLinearity, ConditioningTolerances.Quadrature, "exponential");
        TheoryAssert.Close(0, ActivationMoments.Of(new Hermite(1)).NonLinearity, ConditioningTolerances.Quadrature, "identity");
        TheoryAssert.Close(1, ActivationMoments.Of(new Hermite(2)).NonLinearity, ConditioningTolerances.Quadrature, "h2");
    }

    [Fact]
    public void Leaky_relu_and_erf_mu()
    {
        // leaky(a): E[Xσ] = (1 + a)/2; E σ² = (1 + a²)/2; E σ = (1 − a)/√(2π).
        const double a = 0.2;
        double variance = (1 + a * a) / 2 - (1 - a) * (1 - a) / (2 * Math.PI);
        TheoryAssert.Close(1 - (1 + a) * (1 + a) / 4 / variance, ActivationMoments.Of(new LeakyRelu(a)).NonLinearity, ConditioningTolerances.Quadrature, "leaky");
        // erf: E[X erf X] = E[erf′(X)] = (2/√π) E e^{−X²} = (2/√π)/√3; E erf² = (2/π) arcsin(2/3).
        double linear = 2 / Math.Sqrt(Math.PI) / Math.Sqrt(3);
        TheoryAssert.Close(1 - linear * linear / (2 / Math.PI * Math.Asin(2.0 / 3)), ActivationMoments.Of(new NormalisedErf()).NonLinearity,
            ConditioningTolerances.Quadrature, "erf");
    }

    [Fact]
    public void NormRelu_mu_by_steins_lemma()
    {
        // E[X·λ(max(X, b) − m)] = λ E[1{X > b}] = λ(1 − Φ(b)); μ = 1 − λ²(1 − Φ(b))² with λ from an independent variance.
        foreach (double b in new[] { NormRelu.PaperKink, -1.0, 0.5 })
        {
            double mean = TheoryAssert.Integrate(x => Math.Max(x, b) * TheoryAssert.Phi(x), -40, b) + TheoryAssert.Integrate(x => x * TheoryAssert.Phi(x), b, 40);
            double second = TheoryAssert.Integrate(x => b * b * TheoryAssert.Phi(x), -40, b) + TheoryAssert.Integrate(x => x * x * TheoryAssert.Phi(x), b, 40);
            double lambda = 1 / Math.Sqrt(second - mean * mean), tail = 1 - TheoryAssert.Cdf(b);
            double expected = 1 - lambda * lambda * tail * tail;
            var s = new NormRelu(b);
            TheoryAssert.Close(lambda, s.Factor, ConditioningTolerances.Quadrature, $"λ_b at {b}");
            TheoryAssert.Close(expected, ActivationMoments.Of(s).NonLinearity, ConditioningTolerances.Quadrature, $"μ at {b}");
            TheoryAssert.Close(expected, NonLinearityTable.ClosedForm(s)!.Value, ConditioningTolerances.Quadrature, $"closed form at {b}");
        }
    }

    [Fact]
    public void Hermite_coefficients_recover_a_polynomial_and_sum_to_one_for_normalised_relu()
    {
        // σ = (2h₁ + h₃)/√5 is normalised with a = (0, 2/√5, 0, 1/√5, 0).
        var mix = new Mix();
        var a = HermiteCoefficients.Of(mix, 5);
        double[] expected = [0, 2 / Math.Sqrt(5), 0, 1 / Math.Sqrt(5), 0];
        for (int i = 0; i < 5; i++)
            TheoryAssert.Close(expected[i], a[i], ConditioningTolerances.Quadrature, $"a_{i}");

        // Normalised ReLU: a₁ = √(1 − μ), and Σ aᵢ² → 1 slowly (aᵢ² ~ i^{−5/2}); 40 terms leave < 1e-2.
        var relu = HermiteCoefficients.Of(new NormalisedRelu(), 40);
        TheoryAssert.Close(0, relu[0], ConditioningTolerances.Quadrature, "a_0");
        TheoryAssert.Close(Math.Sqrt(1 - (Math.PI - 2) / (2 * (Math.PI - 1))), relu[1], ConditioningTolerances.Quadrature, "a_1");
        Assert.InRange(relu.Sum(c => c * c), 0.99, 1 + ConditioningTolerances.Quadrature);
    }

    private sealed class Mix : ScalarActivation
    {
        public override string Name => "mix";

        public override double Value(double x) => (2 * x + (x * x * x - 3 * x) / Math.Sqrt(6)) / Math.Sqrt(5);

        public override double Derivative(double x) => (2 + (3 * x * x - 3) / Math.Sqrt(6)) / Math.Sqrt(5);
    }

    [Fact]
    public void Table_marks_the_papers_rows()
    {
        Assert.Equal(5, SupportedActivations.All.Count(NonLinearityTable.InPaperTable));
        Assert.All(SupportedActivations.All, a => Assert.InRange(ActivationMoments.Of(a).NonLinearity, 0, 1));
        Assert.Equal(1 - 2 / Math.PI, NonLinearityTable.ClosedForm(new Sign())!.Value, 1e-15);
        Assert.Null(NonLinearityTable.ClosedForm(new NormalisedTanh()));
    }
}
