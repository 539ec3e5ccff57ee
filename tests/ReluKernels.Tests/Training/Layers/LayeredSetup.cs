using ReluKernels.Training.Layers;

namespace ReluKernels.Tests.Training.Layers;

/// <summary>Parameters for layered-kernel tests: He-normal weights and biases, then non-trivial gains, scales, shifts and running statistics.</summary>
internal static class LayeredSetup
{
    public static double[] Parameters(LayeredArchitecture layout, ref CounterRng rng)
    {
        var parameters = new double[layout.ParameterCount];
        NormalInitializer.HeWithBias.Initialize(layout.Network, parameters.AsSpan(0, layout.Network.ParameterCount), ref rng);
        layout.CompleteInitialization<double>(parameters);
        // Move γ, β, g and the running statistics off their initial values so that every term of the gradient is exercised.
        for (int p = layout.Network.ParameterCount; p < parameters.Length; p++)
            parameters[p] += 0.5 * rng.NextDouble();
        return parameters;
    }
}
