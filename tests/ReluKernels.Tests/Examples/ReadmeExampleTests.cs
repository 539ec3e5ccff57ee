namespace ReluKernels.Tests.Examples;

[NetworkShape(width: 2, depth: 10)]
partial struct Narrow;

[NetworkShape(16, 4, InputDim = 2, OutputDim = 3, Bias = false, ElementType = ElementType.Double)]
partial struct Wide;

/// <summary>The README's example, verbatim, so the documentation cannot rot.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_compiles_and_runs()
    {
        var parameters = new float[Narrow.ParameterCount];
        var rng = new CounterRng(seed: 42, stream: 0);
        NormalInitializer.HeWithoutBias.Initialize(Narrow.Architecture, parameters, ref rng);

        float[] x = [-1f, -0.5f, 0.5f, 1f];                       // feature-major: inputs[k * batch + s]
        var y = new float[x.Length];
        Narrow.Forward(parameters, x, y);                         // widest accelerated path; or pass KernelPath.Scalar etc.

        var gradient = new float[Narrow.ParameterCount];          // Backward adds dL/dθ to it
        Narrow.Backward(parameters, x, outputGradients: y, gradient, inputGradients: [],
                        workspace: new float[Narrow.BackwardWorkspaceLength]);

        // Without biases the network is positively homogeneous: N(0.5) = N(1) / 2 (docs/definitions.md#exactness-of-detection).
        Assert.Equal(y[3] / 2, y[2], 6);
        Assert.Equal(y[0] / 2, y[1], 6);
        Assert.Equal(4 + 9 * 6 + 3, Narrow.Architecture.ParameterCount);     // (1+1)·2, then 9 × (2+1)·2, then (2+1)·1
        Assert.Equal(2 * 16 + 3 * 16 * 16 + 16 * 3, Wide.Architecture.ParameterCount); // no biases
    }
}
