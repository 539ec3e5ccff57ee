using ReluKernels.Analysis;

namespace ReluKernels.Degeneracy;

/// <summary>
/// The exact output of a 1-D-input <see cref="LayeredNetwork"/> on Ω = [−r, r] as a continuous piecewise-linear
/// function, from <see cref="PiecewiseLinearPropagator"/>: sorted points (endpoints included) and every output's value
/// at each point; every output is affine between consecutive points. Also records each hidden neuron's state on Ω.
/// </summary>
internal sealed class ScalarRealisation
{
    private ScalarRealisation(double[] points, double[] values, int outputDim, NeuronState[][] hiddenStates)
    {
        Points = points;
        Values = values;
        OutputDim = outputDim;
        HiddenStates = hiddenStates;
    }

    /// <summary>Sorted points, −r and r included.</summary>
    public double[] Points { get; }

    /// <summary>Output values, point-major: output o at point p is <c>Values[p·OutputDim + o]</c>.</summary>
    public double[] Values { get; }

    public int OutputDim { get; }

    /// <summary>HiddenStates[l − 1][j]: the state of neuron j of hidden layer l on Ω (exact).</summary>
    public NeuronState[][] HiddenStates { get; }

    public static ScalarRealisation Of(LayeredNetwork network, double radius)
    {
        if (network.InputDim != 1)
            throw new ArgumentException($"Exact piecewise-linear analysis needs a 1-D input, but {network} has InputDim = {network.InputDim}.", nameof(network));
        AnalysisArguments.CheckRadius(radius);
        int widest = 1;
        foreach (var layer in network.Layers)
            widest = Math.Max(widest, layer.FanOut);
        var propagator = new PiecewiseLinearPropagator(widest);
        propagator.Start(radius);
        var states = new NeuronState[network.Depth][];
        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            bool relu = l < network.Depth || network.OutputActivation;
            propagator.ApplyLayer(layer.Weights, layer.Biases, layer.FanOut, relu);
            if (l < network.Depth)
            {
                states[l] = new NeuronState[layer.FanOut];
                for (int j = 0; j < layer.FanOut; j++)
                    states[l][j] = propagator.StateOf(j);
            }
        }
        var points = propagator.Points.ToArray();
        var values = new double[points.Length * network.OutputDim];
        for (int p = 0; p < points.Length; p++)
            propagator.ValuesAt(p).CopyTo(values.AsSpan(p * network.OutputDim));
        return new ScalarRealisation(points, values, network.OutputDim, states);
    }

    /// <summary>Output <paramref name="output"/> at <paramref name="x"/> ∈ Ω, interpolated on the piece containing it.</summary>
    public double ValueAt(double x, int output)
    {
        int k = PieceOf(x);
        double t = (x - Points[k]) / (Points[k + 1] - Points[k]);
        double a = Values[k * OutputDim + output], b = Values[(k + 1) * OutputDim + output];
        return a + t * (b - a);
    }

    /// <summary>The slope of output <paramref name="output"/> on its own piece containing <paramref name="x"/>.</summary>
    public double SlopeAt(double x, int output)
    {
        int k = PieceOf(x);
        return (Values[(k + 1) * OutputDim + output] - Values[k * OutputDim + output]) / (Points[k + 1] - Points[k]);
    }

    /// <summary>The largest k with Points[k] ≤ x, at most the last piece's left end.</summary>
    private int PieceOf(double x)
    {
        int k = Array.BinarySearch(Points, x);
        if (k < 0)
            k = ~k - 1;
        return Math.Clamp(k, 0, Points.Length - 2);
    }
}
