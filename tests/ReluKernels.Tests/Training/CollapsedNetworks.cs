using ReluKernels.Tests.Kernels;

namespace ReluKernels.Tests.Training;

/// <summary>Networks of shape 2×10 (<see cref="D2x10"/>, <see cref="F2x10"/>) put into a collapsed state by hand.</summary>
internal static class CollapsedNetworks
{
    public static NetworkArchitecture Shape => D2x10.Architecture;

    /// <summary>
    /// He-normal weights and biases from (seed, 0), then hidden layer <paramref name="deadLayer"/> set to W = 0, b = −1, so
    /// its output is relu(−1) = 0 on every input: the network is collapsed at that layer. When
    /// <paramref name="zeroBiasesAfter"/>, the later hidden layers get zero biases, so they output 0 too (Lu et al.'s
    /// zero-initialised biases).
    /// </summary>
    public static double[] Create(ulong seed, int deadLayer, bool zeroBiasesAfter = false)
    {
        var a = Shape;
        var parameters = new double[a.ParameterCount];
        var rng = new CounterRng(seed, 0);
        NormalInitializer.HeWithBias.Initialize(a, parameters, ref rng);
        parameters.AsSpan(a.WeightOffset(deadLayer), a.Width * a.LayerInputs(deadLayer)).Clear();
        parameters.AsSpan(a.BiasOffset(deadLayer), a.Width).Fill(-1);
        if (zeroBiasesAfter)
            for (int l = deadLayer + 1; l <= a.Depth; l++)
                parameters.AsSpan(a.BiasOffset(l), a.Width).Clear();
        return parameters;
    }

    /// <summary>Offset of the output bias (the last parameter).</summary>
    public static int OutputBias => Shape.BiasOffset(Shape.LayerCount);

    /// <summary>One past the last parameter of hidden layer <paramref name="layer"/>.</summary>
    public static int EndOfLayer(int layer) => Shape.BiasOffset(layer) + Shape.Width;
}
