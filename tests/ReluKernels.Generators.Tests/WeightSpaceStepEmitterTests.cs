using System.Text.RegularExpressions;

namespace ReluKernels.Generators.Tests;

/// <summary>
/// Which shapes get the generated weight-space step of the collapse engine (IWeightSpaceStep: ReLU, width ≤ 16, any
/// biases and element type), and its structure computed from the width: two fused multiply-add chains of width terms
/// per neuron, every load and store at its lane offset. Equality of its counts with the hand-written engine is tested
/// in ReluKernels.Tests (GeneratedStepperTests), on the shapes the library ships.
/// </summary>
public partial class WeightSpaceStepEmitterTests
{
    private const string Interface = "global::ReluKernels.MonteCarlo.Engines.IWeightSpaceStep<Net>";

    private static string Emit(string attribute)
    {
        var run = GeneratorHarness.Run($"using ReluKernels;\nnamespace Demo;\n{attribute}\npublic partial struct Net;");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputProblems);
        return run.SingleSource;
    }

    [Theory]
    [InlineData("[NetworkShape(1, 3)]", true)]
    [InlineData("[NetworkShape(16, 2, Bias = false)]", true)]
    [InlineData("[NetworkShape(5, 2, ElementType = ElementType.Double, InputDim = 3)]", true)]
    [InlineData("[NetworkShape(17, 2, Bias = false)]", false)]
    [InlineData("[NetworkShape(4, 2, Activation = Activation.LeakyReLU)]", false)]
    [InlineData("[NetworkShape(4, 2, Activation = Activation.ELU)]", false)]
    public void Only_ReLU_shapes_up_to_width_16_get_a_step(string attribute, bool expected)
    {
        string source = Emit(attribute);
        Assert.Equal(expected, source.Contains(Interface, StringComparison.Ordinal));
        Assert.Equal(expected, source.Contains("public static void WeightSpaceStep(", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public void The_step_unrolls_two_chains_of_width_multiply_adds_per_neuron(int width)
    {
        string step = StepOf(Emit($"[NetworkShape({width}, 2, Bias = false)]"));
        Assert.Equal(2 * width * width, Count(step, "Vector512.FusedMultiplyAdd("));
        Assert.Equal(2 * width, Count(step, "Vector512.StoreUnsafe("));
        // Weights W[i, j] are read once each, at (i * width + j) * 16.
        var offsets = WeightLoad().Matches(step).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Enumerable.Range(0, width * width).Select(k => 16 * k), offsets);
        Assert.Contains($"RequireLength(weights.Length, {16 * width * width}, nameof(weights))", step, StringComparison.Ordinal);
        Assert.Contains($"RequireLength(plus.Length, {16 * width}, nameof(plus))", step, StringComparison.Ordinal);
        // No loops: the width is unrolled.
        Assert.DoesNotContain("for (", step, StringComparison.Ordinal);
    }

    private static string StepOf(string source)
    {
        int start = source.IndexOf("public static void WeightSpaceStep(", StringComparison.Ordinal);
        Assert.True(start >= 0, "no WeightSpaceStep");
        int end = source.IndexOf("\n    }\n", start, StringComparison.Ordinal);
        return source[start..end];
    }

    private static int Count(string text, string what) => Regex.Count(text, Regex.Escape(what));

    [GeneratedRegex(@"LoadUnsafe\(ref wt, \(nuint\)(\d+)\)")]
    private static partial Regex WeightLoad();
}
