using ReluKernels.Degeneracy;

namespace ReluKernels.Tests.Degeneracy;

/// <summary>Random and planted networks for the degeneracy tests, and a direct forward pass to hold transforms against.</summary>
internal static class DegeneracyNetworks
{
    /// <summary>A He-initialised network with biases (N(0, 1) biases when <paramref name="seed"/> is odd), hidden widths 2..7, depth 1..3.</summary>
    public static LayeredNetwork Random(byte widthRaw, byte depthRaw, ulong seed, int inputDim = 1, bool bias = true)
    {
        var architecture = new NetworkArchitecture(width: 2 + widthRaw % 6, depth: 1 + depthRaw % 3, inputDim: inputDim, bias: bias);
        var parameters = new double[architecture.ParameterCount];
        var rng = new CounterRng(seed, 0xDE6);
        NormalInitializer init = !bias ? NormalInitializer.HeWithoutBias : seed % 2 == 0 ? NormalInitializer.HeWithBias : NormalInitializer.He(1.0);
        init.Initialize(architecture, parameters, ref rng);
        return LayeredNetwork.FromParameters(architecture, parameters);
    }

    /// <summary>
    /// <paramref name="network"/> with neuron <paramref name="copy"/> of hidden layer <paramref name="layer"/> replaced by
    /// <paramref name="factor"/> times neuron <paramref name="source"/>'s incoming vector (outgoing weights kept).
    /// </summary>
    public static LayeredNetwork WithCopiedNeuron(LayeredNetwork network, int layer, int source, int copy, double factor)
    {
        var layers = network.Layers.ToList();
        var hidden = layers[layer - 1];
        var weights = hidden.Weights.ToArray();
        var biases = hidden.Biases.ToArray();
        for (int i = 0; i < hidden.FanIn; i++)
            weights[copy * hidden.FanIn + i] = factor * weights[source * hidden.FanIn + i];
        if (biases.Length > 0)
            biases[copy] = factor * biases[source];
        layers[layer - 1] = new DenseLayer(hidden.FanIn, hidden.FanOut, weights, biases);
        return new LayeredNetwork(layers, network.OutputActivation);
    }

    /// <summary>A shallow network (d, m, 1) from explicit rows, biases, outgoing weights and output bias.</summary>
    public static LayeredNetwork Shallow(double[][] rows, double[]? biases, double[] outgoing, double outputBias = 0)
    {
        int d = rows[0].Length, m = rows.Length;
        var weights = rows.SelectMany(r => r).ToArray();
        return new LayeredNetwork([
            new DenseLayer(d, m, weights, biases ?? []),
            new DenseLayer(m, 1, outgoing, biases is null ? [] : [outputBias]),
        ]);
    }

    /// <summary>The output at <paramref name="x"/> by a plain loop (no fused multiply-add), independent of the library's evaluators.</summary>
    public static double[] Forward(LayeredNetwork network, double[] x)
    {
        var input = x;
        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            bool relu = l < network.Depth || network.OutputActivation;
            var output = new double[layer.FanOut];
            for (int j = 0; j < layer.FanOut; j++)
            {
                double z = layer.HasBias ? layer.Biases[j] : 0;
                for (int i = 0; i < layer.FanIn; i++)
                    z += layer.Weights[j * layer.FanIn + i] * input[i];
                output[j] = relu ? Math.Max(z, 0) : z;
            }
            input = output;
        }
        return input;
    }

    /// <summary>Largest |output| of <paramref name="network"/> over <paramref name="points"/>.</summary>
    public static double Scale(LayeredNetwork network, IEnumerable<double[]> points) =>
        points.Max(x => Forward(network, x).Max(Math.Abs));

    /// <summary><paramref name="count"/> uniform points of [−r, r]^d from a fixed stream.</summary>
    public static List<double[]> UniformPoints(int inputDim, int count, double radius, ulong seed)
    {
        var rng = new CounterRng(seed, 0x9A);
        var points = new List<double[]>(count);
        for (int s = 0; s < count; s++)
        {
            var x = new double[inputDim];
            for (int k = 0; k < inputDim; k++)
                x[k] = radius * (2 * rng.NextDouble() - 1);
            points.Add(x);
        }
        return points;
    }
}
