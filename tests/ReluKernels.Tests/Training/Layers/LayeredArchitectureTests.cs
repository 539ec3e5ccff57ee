using ReluKernels.Training.Layers;

namespace ReluKernels.Tests.Training.Layers;

public sealed class LayeredArchitectureTests
{
    [Fact]
    public void Normalised_erf_is_refused_because_its_derivative_needs_pre_activations_the_kernel_does_not_keep()
    {
        var erf = new NetworkArchitecture(3, 2, activation: Activation.NormalizedErf);
        var e = Assert.Throws<ArgumentException>(() => LayeredArchitecture.Uniform(erf));
        Assert.Contains("erf", e.Message, StringComparison.Ordinal);
        // Every other activation reads σ' from the output, so the same shape with normalised tanh is accepted.
        Assert.Equal(Activation.NormalizedTanh,
            LayeredArchitecture.Uniform(new NetworkArchitecture(3, 2, activation: Activation.NormalizedTanh)).Network.Activation);
    }
}
