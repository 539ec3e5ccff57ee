namespace ReluKernels.Tests.Kernels;

/// <summary>Argument checks and IEEE behaviour of the generated entry points.</summary>
[Trait("Category", "Kernel")]
public class KernelContractTests
{
    [Fact]
    public void Wrong_parameter_length_names_the_expected_length()
    {
        var error = Assert.Throws<ArgumentException>(() => F9x3In3Out2.Forward(new float[5], new float[6], new float[4]));
        Assert.Equal("parameters", error.ParamName);
        Assert.Contains($"expected {F9x3In3Out2.ParameterCount}", error.Message);
    }

    [Fact]
    public void Input_length_must_be_a_multiple_of_the_input_dimension()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            F9x3In3Out2.Forward(new float[F9x3In3Out2.ParameterCount], new float[7], new float[4]));
        Assert.Equal("inputs", error.ParamName);
        Assert.Contains("multiple of InputDim = 3", error.Message);
    }

    [Fact]
    public void Output_length_must_match_the_batch()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            F9x3In3Out2.Forward(new float[F9x3In3Out2.ParameterCount], new float[6], new float[5]));
        Assert.Contains("expected 4", error.Message);
    }

    [Fact]
    public void Backward_checks_every_span()
    {
        int p = F2x10.ParameterCount;
        Assert.Contains("expected at least", Assert.Throws<ArgumentException>(() =>
            F2x10.Backward(new float[p], new float[3], new float[3], new float[p], [], new float[F2x10.BackwardWorkspaceLength - 1])).Message);
        Assert.Equal("parameterGradients", Assert.Throws<ArgumentException>(() =>
            F2x10.Backward(new float[p], new float[3], new float[3], new float[p + 1], [], new float[F2x10.BackwardWorkspaceLength])).ParamName);
        Assert.Equal("inputGradients", Assert.Throws<ArgumentException>(() =>
            F2x10.Backward(new float[p], new float[3], new float[3], new float[p], new float[2], new float[F2x10.BackwardWorkspaceLength])).ParamName);
        Assert.Equal("outputGradients", Assert.Throws<ArgumentException>(() =>
            F2x10.Backward(new float[p], new float[3], new float[4], new float[p], [], new float[F2x10.BackwardWorkspaceLength])).ParamName);
    }

    [Fact]
    public void ForwardNetworks_needs_whole_blocks()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            F2x10.ForwardNetworks(new float[F2x10.ParameterCount * F2x10.NetworkLanes + 1], new float[1], new float[F2x10.NetworkLanes]));
        Assert.Contains($"multiple of ParameterCount × NetworkLanes = {F2x10.ParameterCount * F2x10.NetworkLanes}", error.Message);
    }

    public static TheoryData<KernelPath> Paths => [.. KernelPaths.Supported];

    [Theory]
    [MemberData(nameof(Paths))]
    public void NaN_inputs_propagate_to_the_outputs(KernelPath path)
    {
        // With all-positive parameters every neuron is active, so a NaN input must reach the output (ReLU is the IEEE maximum).
        var parameters = Enumerable.Repeat(0.5f, F4x10.ParameterCount).ToArray();
        var inputs = Enumerable.Range(0, 40).Select(i => i == 17 ? float.NaN : 1f).ToArray();
        var outputs = new float[40];
        F4x10.Forward(parameters, inputs, outputs, path);
        Assert.True(float.IsNaN(outputs[17]));
        Assert.All(outputs.Where((_, i) => i != 17), y => Assert.True(float.IsFinite(y)));
    }

    [Fact]
    public void Generated_constants_match_the_architecture()
    {
        Assert.Equal(new NetworkArchitecture(16, 10), F16x10.Architecture);
        Assert.Equal(F16x10.ParameterCount, F16x10.Architecture.ParameterCount);
        Assert.Equal(16 * 2 + 9 * 16 * 17 + 17, F16x10.Architecture.ParameterCount);
        Assert.Equal(8, D2x10.NetworkLanes);
        Assert.Equal(16, F2x10.NetworkLanes);
        Assert.False(F33x3In2Out2.Architecture.IsUnrolled);
    }
}
