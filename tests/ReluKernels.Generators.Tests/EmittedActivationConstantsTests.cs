using System.Globalization;
using ReluKernels.Activations;

namespace ReluKernels.Generators.Tests;

/// <summary>
/// The literals the generator emits for an activation's constants are the activation model's values
/// (<c>ReluKernels.Activations</c>, computed there with MathNet's erfc and Brent's method, independently of the
/// generator's closed forms), rounded to the element type.
/// </summary>
public class EmittedActivationConstantsTests
{
    private static string Emit(string arguments) =>
        GeneratorHarness.Run($"using ReluKernels;\nnamespace Demo;\n[NetworkShape(2, 1, {arguments})] public partial struct Net;").SingleSource;

    private static string FloatLiteral(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";

    [Theory]
    [InlineData(null)]
    [InlineData(0.3)]
    [InlineData(-2.0)]
    public void NormReLU_emits_the_models_shift_and_factor(double? kink)
    {
        string source = Emit("Activation = Activation.NormReLU" +
            (kink is { } b ? ", ActivationParameter = " + b.ToString("R", CultureInfo.InvariantCulture) : ""));
        var model = new NormRelu(kink ?? NormRelu.PaperKink);
        Assert.Contains($"Create({FloatLiteral(model.Factor)})", source);
        Assert.Contains($"Create({FloatLiteral(model.Shift)})", source);
    }

    [Fact]
    public void Normalised_ReLU_emits_the_models_shift_and_factor()
    {
        string source = Emit("Activation = Activation.NormalizedReLU");
        Assert.Contains($"Create({FloatLiteral(NormalisedRelu.Factor)})", source);
        Assert.Contains($"Create({FloatLiteral(NormalisedRelu.Shift)})", source);
    }

    [Fact]
    public void Normalised_tanh_emits_the_models_factor_and_KernelMath_Tanh()
    {
        string source = Emit("Activation = Activation.NormalizedTanh");
        Assert.Contains($"Create({FloatLiteral(NormalisedTanh.Factor)})", source);
        Assert.Contains($"Create({FloatLiteral(1 / NormalisedTanh.Factor)})", source);
        Assert.Contains("global::ReluKernels.KernelMath.Tanh(", source);
    }

    [Fact]
    public void Normalised_erf_emits_the_models_factor_and_slope_and_keeps_pre_activations()
    {
        string source = Emit("Activation = Activation.NormalizedErf");
        Assert.Contains($"Create({FloatLiteral(NormalisedErf.Factor)})", source);
        Assert.Contains($"Create({FloatLiteral(NormalisedErf.Factor * 2 / Math.Sqrt(Math.PI))})", source);
        Assert.Contains("global::ReluKernels.KernelMath.Erf(", source);
        // Width 2, depth 1, one output: 2 hidden activations + 7 accumulators + 2 hidden and 1 output pre-activations,
        // 16 float lanes each.
        Assert.Contains("public const int BackwardWorkspaceLength = 192;", source);
    }

    [Fact]
    public void SELU_emits_the_published_constants_in_double()
    {
        string source = Emit("Activation = Activation.SELU, ElementType = ElementType.Double");
        Assert.Contains($"Create({Selu.Scale.ToString("R", CultureInfo.InvariantCulture)}d)", source);
        Assert.Contains($"Create({(Selu.Scale * Selu.Alpha).ToString("R", CultureInfo.InvariantCulture)}d)", source);
        Assert.Contains("global::ReluKernels.KernelMath.Exp(", source);
    }
}
