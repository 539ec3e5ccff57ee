using ReluKernels.Studies;
using ReluKernels.Theory;

namespace ReluKernels.Tests.Studies;

/// <summary>
/// <see cref="ClosedForms"/> forwards: each value equals the underlying function's exactly and a hand value, and an
/// invalid argument is reported under the facade's own parameter name.
/// </summary>
public sealed class ClosedFormsTests
{
    /// <summary>The hand values below are in [0, 1] and reached in a few roundings: four ulps of 1 (2^−52 each).</summary>
    private const double HandValueTolerance = 4 * 2.220446049250313e-16;

    [Fact]
    public void Collapse_closed_forms_equal_the_theory_classes_and_hand_values()
    {
        // Theorem 8 at width 2, depth 2: 1 − (3/4)² = 7/16.
        Assert.Equal(CollapseTheory.PerInputZeroProbability(2, 2), ClosedForms.PerInputZeroProbability(2, 2));
        Assert.Equal(7.0 / 16, ClosedForms.PerInputZeroProbability(2, 2), HandValueTolerance);
        // Theorem 9: 2^-3.
        Assert.Equal(0.125, ClosedForms.PerInputZeroProbabilityWithBiases(3));
        // Born-dead bounds at width 2, depth 2: 5/32 (the journal bound, Theorem 10's value) and 1 − 3/4.
        Assert.Equal(CollapseTheory.BornDeadLowerBound(2, 2), ClosedForms.BornDeadLowerBound(2, 2));
        Assert.Equal(5.0 / 32, ClosedForms.BornDeadLowerBound(2, 2), HandValueTolerance);
        Assert.Equal(CollapseTheory.BornDeadUpperBound(7, 12), ClosedForms.BornDeadUpperBound(7, 12));
        Assert.Equal(0.25, ClosedForms.BornDeadUpperBound(2, 2), HandValueTolerance);
        // Theorem 10: 0 at depth 1, 5/32 at depth 2.
        Assert.Equal(0, ClosedForms.WidthTwoCollapseProbability(1));
        Assert.Equal(5.0 / 32, ClosedForms.WidthTwoCollapseProbability(2), HandValueTolerance);
        Assert.Equal(WidthTwoCollapseChain.CollapseProbability(9), ClosedForms.WidthTwoCollapseProbability(9));
        // Eq. (5) at width 10, p = 0.01: the paper's table prints 10.29.
        Assert.Equal(CollapseTheory.MaxDepthForZeroProbability(10, 0.01), ClosedForms.MaxSafeDepth(10, 0.01));
        Assert.Equal(10.29, ClosedForms.MaxSafeDepth(10, 0.01), 0.005);
    }

    [Fact]
    public void Trainability_closed_forms_equal_the_theory_classes_and_hand_values()
    {
        // Lemma 11 at d = 1, r = 1: arctan(1)/π = 1/4.
        Assert.Equal(BornDeadProbability.Value(1, 1), ClosedForms.NeuronBornDeadProbability());
        Assert.Equal(0.25, ClosedForms.NeuronBornDeadProbability(1, 1), HandValueTolerance);
        // Theorem 3's worked example: both of two neurons alive, (3/4)² = 0.5625; 1 without a bias.
        Assert.Equal(ShallowTrainability.Trainability(LayerScheme.NormalWithBias, 2, 2, 1, 1), ClosedForms.ShallowTrainability(2, 2));
        Assert.Equal(0.5625, ClosedForms.ShallowTrainability(width: 2, required: 2), HandValueTolerance);
        Assert.Equal(1, ClosedForms.ShallowTrainability(2, 2, firstLayer: LayerScheme.NormalWithoutBias));
        Assert.Equal(ShallowTrainability.Trainability(LayerScheme.HypersphereWithBias, 9, 4, 3, 0.7),
            ClosedForms.ShallowTrainability(9, 4, 3, 0.7, LayerScheme.HypersphereWithBias));
        // Corollary 9 at width 2, depth 2: 1 − 5/32 = 27/32.
        Assert.Equal(DeepTrainability.UpperBound(3, 5), ClosedForms.DeepTrainabilityUpperBound(3, 5));
        Assert.Equal(27.0 / 32, ClosedForms.DeepTrainabilityUpperBound(2, 2), HandValueTolerance);
    }

    public static TheoryData<string, Action> OutOfRange => new()
    {
        { "width", () => ClosedForms.PerInputZeroProbability(0, 2) },
        { "depth", () => ClosedForms.PerInputZeroProbability(2, 0) },
        { "width", () => ClosedForms.PerInputZeroProbabilityWithBiases(0) },
        { "p", () => ClosedForms.MaxSafeDepth(2, 1) },
        { "depth", () => ClosedForms.BornDeadLowerBound(2, 0) },
        { "depth", () => ClosedForms.BornDeadUpperBound(2, 0) },
        { "depth", () => ClosedForms.WidthTwoCollapseProbability(0) },
        { "inputDim", () => ClosedForms.NeuronBornDeadProbability(0, 1) },
        { "radius", () => ClosedForms.NeuronBornDeadProbability(1, -1) },
        { "required", () => ClosedForms.ShallowTrainability(2, 3) },
        { "radius", () => ClosedForms.ShallowTrainability(2, 2, radius: double.PositiveInfinity) },
        { "depth", () => ClosedForms.DeepTrainabilityUpperBound(2, 0) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Invalid_arguments_throw_naming_the_parameter(string parameter, Action call) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(call).ParamName);
}
