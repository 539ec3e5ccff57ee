namespace ReluKernels.Tests.Kernels;

/// <summary><see cref="NetworkArchitecture"/>'s activation parameter: defaults, and the errors that mirror diagnostic RK0009.</summary>
public class ArchitectureActivationTests
{
    [Theory]
    [InlineData(Activation.ReLU, 0)]
    [InlineData(Activation.LeakyReLU, 0.01)]
    [InlineData(Activation.ELU, 1)]
    [InlineData(Activation.SELU, 0)]
    [InlineData(Activation.NormReLU, -1.5907658564412692)]
    public void A_missing_parameter_takes_the_activations_default(Activation activation, double expected) =>
        Assert.Equal(expected, new NetworkArchitecture(2, 3, activation: activation).ActivationParameter);

    [Theory]
    [InlineData(Activation.ReLU, 0.1, "takes no parameter")]
    [InlineData(Activation.SELU, 1, "takes no parameter")]
    [InlineData(Activation.NormalizedReLU, 0, "takes no parameter")]
    [InlineData(Activation.NormalizedTanh, 1, "takes no parameter")]
    [InlineData(Activation.NormalizedErf, 0, "takes no parameter")]
    [InlineData(Activation.LeakyReLU, double.NaN, "finite")]
    [InlineData(Activation.ELU, double.PositiveInfinity, "finite")]
    [InlineData(Activation.LeakyReLU, -0.1, "≥ 0")]
    [InlineData(Activation.ELU, -1, "≥ 0")]
    [InlineData(Activation.NormReLU, 9, "cannot be normalised")]
    public void An_invalid_parameter_is_an_argument_error(Activation activation, double parameter, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => new NetworkArchitecture(2, 3, activation: activation, activationParameter: parameter));
        Assert.Equal("activationParameter", e.ParamName);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Architectures_differing_only_in_the_parameter_differ()
    {
        var a = new NetworkArchitecture(2, 3, activation: Activation.LeakyReLU, activationParameter: 0.1);
        var b = new NetworkArchitecture(2, 3, activation: Activation.LeakyReLU, activationParameter: 0.2);
        Assert.NotEqual(a, b);
        Assert.Contains("LeakyReLU(0.1)", a.ToString());
    }

    [Fact]
    public void Generated_shapes_carry_their_parameter() =>
        Assert.Equal(0.1, F4x6Leaky.Architecture.ActivationParameter);
}
