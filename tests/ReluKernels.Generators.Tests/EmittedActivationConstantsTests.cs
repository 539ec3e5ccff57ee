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
    public void SELU_emits_the_published_constants_in_double()
    {
        string source = Emit("Activation = Activation.SELU, ElementType = ElementType.Double");
        Assert.Contains($"Create({Selu.Scale.ToString("R", CultureInfo.InvariantCulture)}d)", source);
        Assert.Contains($"Create({(Selu.Scale * Selu.Alpha).ToString("R", CultureInfo.InvariantCulture)}d)", source);
        Assert.Contains("global::ReluKernels.KernelMath.Exp(", source);
    }
}
