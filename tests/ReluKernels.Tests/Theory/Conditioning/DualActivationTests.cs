using ReluKernels.Activations;
using ReluKernels.Theory.Conditioning;

namespace ReluKernels.Tests.Theory.Conditioning;

/// <summary>σ̂ and σ̂′ (Agarwal et al. 2021, Definition C.1): closed forms against nested quadrature, σ̂(1) = 1 and σ̂(0) = 0 for normalised activations.</summary>
public class DualActivationTests
{
    private static readonly double[] Correlations = [-1, -0.9, -0.3, 0, 0.5, 0.9, 0.99, 1];

    public static TheoryData<string> ClosedFormNames => Names(ClosedForm());

    public static TheoryData<string> NormalisedNames => Names([.. ClosedForm().Where(a => a is not Relu and not LeakyRelu), new NormRelu(NormRelu.PaperKink), new NormalisedTanh(), new Normalised(new Selu())]);

    private static ScalarActivation[] ClosedForm() =>
    [
        new Relu(), new NormalisedRelu(), new LeakyRelu(0.2), new Sign(), new Exponential(), new NormalisedErf(), new Hermite(2), new Hermite(3),
        new Normalised(new LeakyRelu(-0.5)),
    ];

    private static TheoryData<string> Names(IEnumerable<ScalarActivation> activations)
    {
        var data = new TheoryData<string>();
        foreach (var a in activations)
            data.Add(a.ToString());
        return data;
    }

    private static ScalarActivation ByName(string name) =>
        ClosedForm().Concat([new NormRelu(NormRelu.PaperKink), new NormalisedTanh(), new Normalised(new Selu())]).First(a => a.ToString() == name);

    [Theory]
    [MemberData(nameof(ClosedFormNames))]
    public void Closed_form_matches_quadrature(string name)
    {
        var s = ByName(name);
        var dual = new DualActivation(s);
        Assert.True(dual.IsClosedForm);
        foreach (double rho in Correlations)
            TheoryAssert.Close(DualActivation.ByQuadrature(s, rho, derivative: false), dual.Value(rho), ConditioningTolerances.NestedQuadrature, $"{name}: σ̂({rho})");
        if (s is Sign)
            return;   // σ′ = 0 almost everywhere, while σ̂′ = 2/(π√(1 − ρ²)): the jump carries it.
        foreach (double rho in Correlations)
            TheoryAssert.Close(DualActivation.ByQuadrature(s, rho, derivative: true), dual.Derivative(rho), ConditioningTolerances.NestedQuadrature, $"{name}: σ̂′({rho})");
    }

    [Theory]
    [MemberData(nameof(NormalisedNames))]
    public void Normalised_duals_fix_one_and_vanish_at_zero(string name)
    {
        var dual = new DualActivation(ByName(name));
        TheoryAssert.Close(1, dual.Value(1), ConditioningTolerances.NestedQuadrature, $"{name}: σ̂(1)");
        TheoryAssert.Close(0, dual.Value(0), ConditioningTolerances.NestedQuadrature, $"{name}: σ̂(0) = (E σ)²");
    }

    [Fact]
    public void Known_values()
    {
        // Hand-derived: normalised ReLU σ̂(0) = (1 − 1)/(π − 1) = 0, σ̂′(1) = π/(π − 1); sign σ̂(1/2) = (2/π)(π/6) = 1/3.
        var relu = new DualActivation(new NormalisedRelu());
        Assert.Equal(Math.PI / (Math.PI - 1), relu.Derivative(1), 1e-14);
        Assert.Equal(1.0 / 3, new DualActivation(new Sign()).Value(0.5), 1e-15);
        Assert.Equal(Math.Pow(0.7, 3), new DualActivation(new Hermite(3)).Value(0.7), 1e-15);
        Assert.True(double.IsPositiveInfinity(new DualActivation(new Sign()).Derivative(1)));
    }

    [Fact]
    public void Correlations_outside_the_unit_interval_are_refused()
    {
        var dual = new DualActivation(new NormalisedRelu());
        TheoryAssert.OutOfRange("rho", () => dual.Value(1.1));
        TheoryAssert.OutOfRange("rho", () => dual.Value(double.NaN));
        Assert.Equal(1, dual.Value(1 + 1e-15), 1e-14);   // rounding past 1 is clamped
    }
}
