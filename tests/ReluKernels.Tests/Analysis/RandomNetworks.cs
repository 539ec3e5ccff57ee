namespace ReluKernels.Tests.Analysis;

/// <summary>Random networks for the analysis properties, and a direct double-precision forward pass to hold them against.</summary>
internal static class RandomNetworks
{
    /// <summary>
    /// A 1-D-input network of width 1..10 and depth 1..12 (from the raw FsCheck values) with He-normal weights. With
    /// biases, even seeds use He with joint bias ([W, b] ~ N(0, 2/(fan_in + 1))) and odd seeds N(0, 1) biases, which
    /// moves more zero crossings into Ω.
    /// </summary>
    /// <param name="widthRaw">FsCheck's raw width; the width is 1 + widthRaw mod 10.</param>
    /// <param name="depthRaw">FsCheck's raw depth; the depth is 1 + depthRaw mod 12.</param>
    /// <param name="bias">Whether the network has biases.</param>
    /// <param name="seed">Seed of the initialiser's stream.</param>
    /// <param name="inputDim">Input dimension.</param>
    /// <param name="firstLayerScale">Multiplies W₁; tiny values give neurons that vary by little but are not dead.</param>
    public static (NetworkArchitecture Architecture, double[] Parameters) Make(byte widthRaw, byte depthRaw, bool bias, ulong seed,
        int inputDim = 1, double firstLayerScale = 1)
    {
        var architecture = new NetworkArchitecture(width: 1 + widthRaw % 10, depth: 1 + depthRaw % 12, inputDim: inputDim, bias: bias);
        var parameters = new double[architecture.ParameterCount];
        var rng = new CounterRng(seed, 0x5EED);
        NormalInitializer init = !bias ? NormalInitializer.HeWithoutBias : seed % 2 == 0 ? NormalInitializer.HeWithBias : NormalInitializer.He(1.0);
        init.Initialize(architecture, parameters, ref rng);
        foreach (ref double w in parameters.AsSpan(0, architecture.Width * inputDim))
            w *= firstLayerScale;
        return (architecture, parameters);
    }

    public static ReadOnlySpan<double> Weights(NetworkArchitecture a, double[] p, int layer) =>
        p.AsSpan(a.WeightOffset(layer), a.LayerOutputs(layer) * a.LayerInputs(layer));

    public static ReadOnlySpan<double> Biases(NetworkArchitecture a, double[] p, int layer) =>
        a.Bias ? p.AsSpan(a.BiasOffset(layer), a.LayerOutputs(layer)) : [];

    public static bool Activates(NetworkArchitecture a, int layer) => layer < a.LayerCount || a.OutputActivation;

    /// <summary>Every layer's output at one input: result[0] is the input, result[l] layer l's output.</summary>
    public static double[][] Forward(NetworkArchitecture a, double[] p, ReadOnlySpan<double> x)
    {
        var layers = new double[a.LayerCount + 1][];
        layers[0] = x.ToArray();
        for (int l = 1; l <= a.LayerCount; l++)
        {
            int n = a.LayerOutputs(l), m = a.LayerInputs(l);
            var w = Weights(a, p, l);
            var b = Biases(a, p, l);
            var output = layers[l] = new double[n];
            for (int j = 0; j < n; j++)
            {
                double z = b.IsEmpty ? 0 : b[j];
                for (int i = 0; i < m; i++)
                    z += w[j * m + i] * layers[l - 1][i];
                output[j] = Activates(a, l) ? Math.Max(z, 0) : z;
            }
        }
        return layers;
    }

    /// <summary>Forward at a scalar input.</summary>
    public static double[][] Forward(NetworkArchitecture a, double[] p, double x) => Forward(a, p, [x]);

    /// <summary>x₀..x_{n−1} equispaced on [−r, r], endpoints exact.</summary>
    public static double[] Grid(int n, double radius) =>
        [.. Enumerable.Range(0, n).Select(i => radius * (2.0 * i - (n - 1)) / (n - 1))];
}
