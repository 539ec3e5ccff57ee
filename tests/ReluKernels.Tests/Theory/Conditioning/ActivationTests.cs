using ReluKernels.Activations;

namespace ReluKernels.Tests.Theory.Conditioning;

/// <summary>
/// The activation model: the normalised activations are normalised (checked by independent adaptive quadrature, not
/// the library's), derivatives match finite differences, invalid parameters are refused.
/// </summary>
public class ActivationTests
{
    public static TheoryData<string> NormalisedNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var a in Normalised())
                data.Add(a.ToString());
            return data;
        }
    }

    private static IEnumerable<ScalarActivation> Normalised() =>
    [
        new NormalisedRelu(), new NormRelu(NormRelu.PaperKink), new NormRelu(-0.5), new NormalisedTanh(), new NormalisedErf(), new Sign(),
        new Exponential(), new Hermite(1), new Hermite(2), new Hermite(5), new ReluKernels.Activations.Normalised(new LeakyRelu(0.2)),
        new ReluKernels.Activations.Normalised(new Elu(1)), new ReluKernels.Activations.Normalised(new Selu()),
    ];

    private static ScalarActivation ByName(string name) => Normalised().Single(a => a.ToString() == name);

    /// <summary>E f(X) by Gauss–Kronrod on [−40, 40], split at the kinks.</summary>
    private static double Gaussian(Func<double, double> f, IReadOnlyList<double> kinks)
    {
        double[] breaks = [-40, .. kinks, 40];
        double sum = 0;
        for (int i = 0; i + 1 < breaks.Length; i++)
            sum += TheoryAssert.Integrate(x => f(x) * TheoryAssert.Phi(x), breaks[i], breaks[i + 1]);
        return sum;
    }

    [Theory]
    [MemberData(nameof(NormalisedNames))]
    public void Normalised_activations_have_mean_zero_and_second_moment_one(string name)
    {
        var s = ByName(name);
        TheoryAssert.Close(0, Gaussian(s.Value, s.Kinks), ConditioningTolerances.Normalisation, $"{name}: E σ(X)");
        TheoryAssert.Close(1, Gaussian(x => s.Value(x) * s.Value(x), s.Kinks), ConditioningTolerances.Normalisation, $"{name}: E σ(X)²");
    }

    [Theory]
    [MemberData(nameof(NormalisedNames))]
    public void Derivative_matches_central_differences_away_from_kinks(string name)
    {
        var s = ByName(name);
        const double h = 1e-5;
        foreach (double x in new[] { -2.3, -0.7, 0.4, 1.9 })
        {
            if (s.Kinks.Any(k => Math.Abs(k - x) < 10 * h))
                continue;
            double numeric = (s.Value(x + h) - s.Value(x - h)) / (2 * h);
            // Central differences err by h²·|σ‴|/6 ≈ 1e-10 times σ‴ (at most ~100 for h₅ here) plus rounding 1e-16/h.
            TheoryAssert.Close(numeric, s.Derivative(x), 1e-7, $"{name} at {x}");
        }
    }

    [Fact]
    public void NormRelu_at_the_papers_kink_has_selu_scale_and_zero_kink_is_normalised_relu()
    {
        var paper = new NormRelu(NormRelu.PaperKink);
        Assert.Equal(Selu.Scale, paper.Factor, 1e-12);
        Assert.InRange(NormRelu.PaperKink, -1.5910, -1.5905);   // b ≈ −1.5908 solves λ_b = 1.0507
        var zero = new NormRelu(0);
        foreach (double x in new[] { -1.0, 0.3, 2.0 })
            Assert.Equal(new NormalisedRelu().Value(x), zero.Value(x), 1e-14);
    }

    [Fact]
    public void Hermite_polynomials_match_their_explicit_forms()
    {
        foreach (double x in new[] { -1.7, 0.2, 2.5 })
        {
            Assert.Equal((x * x - 1) / Math.Sqrt(2), new Hermite(2).Value(x), 1e-14);
            Assert.Equal((x * x * x - 3 * x) / Math.Sqrt(6), new Hermite(3).Value(x), 1e-13);
            Assert.Equal((3 * x * x - 3) / Math.Sqrt(6), new Hermite(3).Derivative(x), 1e-13);
        }
    }

    [Fact]
    public void Invalid_parameters_are_refused_naming_the_parameter()
    {
        TheoryAssert.Invalid("slope", () => _ = new LeakyRelu(double.NaN));
        TheoryAssert.Invalid("alpha", () => _ = new Elu(double.PositiveInfinity));
        TheoryAssert.Invalid("kink", () => _ = new NormRelu(double.NaN));
        TheoryAssert.Invalid("kink", () => _ = new NormRelu(40));   // max(X, 40) = 40 almost surely: nothing to normalise
        TheoryAssert.Invalid("degree", () => _ = new Hermite(0));
        TheoryAssert.Invalid("inner", () => _ = new ReluKernels.Activations.Normalised(new Constant()));
    }

    /// <summary>A constant activation, which no shift and scale can normalise.</summary>
    private sealed class Constant : ScalarActivation
    {
        public override string Name => "constant";

        public override double Value(double x) => 3;

        public override double Derivative(double x) => 0;
    }
}
