using ReluKernels.Activations;
// ReluKernels.Tests.LengthMap (the simulation tests) would hide the class by its plain name.
using LengthMapTheory = ReluKernels.Theory.LengthMap;

namespace ReluKernels.Tests.Theory;

/// <summary>
/// The length map of Lu, Su &amp; Karniadakis (2019), §3: the quadrature against closed forms worked out by hand, He's
/// constant lengths for ReLU, and the fixed points.
/// </summary>
public class LengthMapTests
{
    /// <summary>
    /// Quadrature against a closed form, relative. The 16-point Gauss–Legendre rule on unit panels split at the kink
    /// integrates a quadratic times the Gaussian density to about 1e-16 per panel, and the truncation at |z| = 12 costs
    /// below 1e-30; 1e-12 is the bar and leaves a factor of ~10⁴ for the 24 panels' rounding.
    /// </summary>
    private const double Quadrature = 1e-12;

    public static TheoryData<double, double, double> ReluCases => new()
    {
        { 0, 2, 0 }, { 1e-3, 2, 0 }, { 1, 2, 0 }, { 7.5, 1, 0.25 }, { 1e4, 1.3, 2 }, { 0.2, 2.0 / 3, 0.01 },
    };

    [Theory]
    [MemberData(nameof(ReluCases))]
    public void Relu_closed_form_equals_quadrature(double q, double weightVariance, double biasVariance)
    {
        double closed = weightVariance / 2 * q + biasVariance;     // Eq. (3), by hand
        Assert.Equal(closed, LengthMapTheory.ReluStep(q, weightVariance, biasVariance));
        double quadrature = LengthMapTheory.Step(new Relu(), q, weightVariance, biasVariance);
        Assert.True(Math.Abs(quadrature - closed) <= Quadrature * Math.Max(closed, double.Epsilon),
            $"q = {q}: quadrature {quadrature:R}, closed form {closed:R}");
    }

    [Theory]
    [InlineData(0.01, 3.0)]
    [InlineData(0.2, 0.5)]
    [InlineData(1.0, 2.0)]
    public void Leaky_relu_second_moment_is_half_of_one_plus_slope_squared(double slope, double q) =>
        TheoryAssert.Relative(q * (1 + slope * slope) / 2, LengthMapTheory.SecondMoment(new LeakyRelu(slope), q), Quadrature, $"slope {slope}");

    public static TheoryData<string> Normalised => ["normalised-relu", "norm-relu(b=-1.59077)", "selu"];

    [Theory]
    [MemberData(nameof(Normalised))]
    public void Normalised_activations_keep_unit_length_under_unit_weight_variance(string name)
    {
        // E φ(z)² = 1 under N(0, 1) is how these activations are built (SELU: Klambauer et al. 2017's fixed point).
        var φ = SupportedActivations.All.Single(a => a.ToString() == name);
        TheoryAssert.Relative(1, LengthMapTheory.Step(φ, 1, 1, 0), Quadrature, name);
    }

    [Fact]
    public void He_keeps_relu_lengths_constant_without_bias()
    {
        // E[q¹] = 2 q⁰, then (2/2)·q + 0 = q exactly in floating point.
        double[] closed = LengthMapTheory.ExpectedRelu(0.7, [.. Enumerable.Repeat(2.0, 50)], 0);
        Assert.All(closed, q => Assert.Equal(1.4, q));
        // By quadrature each step is within Quadrature of the closed form, so 50 steps within 50·Quadrature.
        double[] quadrature = LengthMapTheory.Expected(new Relu(), 0.7, [.. Enumerable.Repeat(2.0, 50)], 0);
        Assert.All(quadrature, q => TheoryAssert.Relative(1.4, q, 50 * Quadrature));
    }

    [Fact]
    public void LeCun_halves_relu_lengths_and_bias_adds_its_variance()
    {
        double[] lecun = LengthMapTheory.ExpectedRelu(1, [1, 1, 1, 1], 0);
        Assert.Equal([1, 0.5, 0.25, 0.125], lecun);
        double[] biased = LengthMapTheory.ExpectedRelu(1, [2, 2, 2], 0.25);     // He with σ_b² = 1/4 grows by 1/4 per layer
        Assert.Equal([2.25, 2.5, 2.75], biased);
    }

    [Fact]
    public void Relu_fixed_points_follow_the_slope_of_the_map()
    {
        Assert.Equal(1, LengthMapTheory.ReluFixedPoint(1, 0.5, 3));             // σ_b²/(1 − 1/2)
        Assert.Equal(0, LengthMapTheory.ReluFixedPoint(1, 0, 3));
        Assert.Equal(3, LengthMapTheory.ReluFixedPoint(2, 0, 3));               // He: every length is fixed
        Assert.Null(LengthMapTheory.ReluFixedPoint(2, 0.1, 3));                 // grows by σ_b² per layer
        Assert.Null(LengthMapTheory.ReluFixedPoint(3, 0, 3));                   // grows geometrically
    }

    [Fact]
    public void Iterated_fixed_points_agree_with_the_closed_forms()
    {
        // Stopped when a step moves q by ≤ 1e-13 relative; at the contraction rate r = 1/2 the distance left is at most
        // 1e-13 · r/(1 − r) = 1e-13 relative, so 1e-12 is safe. SELU's fixed point is 1 (Klambauer et al. 2017); its
        // rate is below 1 but not known in closed form, so 1e-9 allows a distance 1e-13·r/(1 − r) for any r ≤ 0.9999.
        TheoryAssert.Relative(1, LengthMapTheory.FixedPoint(new Relu(), 1, 0.5, 3)!.Value, 1e-12, "relu");
        TheoryAssert.Relative(1, LengthMapTheory.FixedPoint(new Selu(), 1, 0, 0.3)!.Value, 1e-9, "selu");
        TheoryAssert.Relative(3, LengthMapTheory.FixedPoint(new Relu(), 2, 0, 3)!.Value, Quadrature, "He");     // one quadrature step
        Assert.Null(LengthMapTheory.FixedPoint(new Relu(), 2, 0.1, 3));
        Assert.Null(LengthMapTheory.FixedPoint(new Relu(), 3, 0, 3));
    }

    [Fact]
    public void Invalid_arguments_are_refused()
    {
        TheoryAssert.OutOfRange("q", () => LengthMapTheory.SecondMoment(new Relu(), -1));
        TheoryAssert.OutOfRange("weightVariance", () => LengthMapTheory.Step(new Relu(), 1, double.NaN, 0));
        TheoryAssert.OutOfRange("biasVariance", () => LengthMapTheory.ReluStep(1, 2, -0.1));
        TheoryAssert.Invalid("weightVariances", () => LengthMapTheory.ExpectedRelu(1, [], 0));
    }
}
