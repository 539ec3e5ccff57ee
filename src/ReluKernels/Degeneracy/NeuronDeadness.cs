using ReluKernels.Analysis;

namespace ReluKernels.Degeneracy;

/// <summary>Which hidden neurons of a <see cref="LayeredNetwork"/> are constant on a domain: exactly (1-D input) or on samples.</summary>
internal static class NeuronDeadness
{
    /// <summary>Exact states on Ω = [−r, r] through the piecewise-linear propagation; the input must be 1-D.</summary>
    public static NeuronState[][] Exact(LayeredNetwork network, double radius) => ScalarRealisation.Of(network, radius).HiddenStates;

    /// <summary>
    /// States on the points of <paramref name="points"/>, with <see cref="SampledDeadness"/>'s rule: active when two points
    /// give different values, else dead-zero or dead-constant. Dead verdicts are upper estimates.
    /// </summary>
    public static NeuronState[][] Sampled(LayeredNetwork network, PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.InputDim != network.InputDim)
            throw new ArgumentException($"The points are {points.InputDim}-D but {network} has InputDim = {network.InputDim}.", nameof(points));
        var evaluator = new NetworkEvaluator(network);
        var first = new double[network.Depth][];
        var varies = new bool[network.Depth][];
        var nonzero = new bool[network.Depth][];
        for (int l = 0; l < network.Depth; l++)
        {
            first[l] = new double[network.Layers[l].FanOut];
            varies[l] = new bool[first[l].Length];
            nonzero[l] = new bool[first[l].Length];
        }
        var x = new double[network.InputDim];
        var coordinates = points.Coordinates;
        for (int s = 0; s < points.Count; s++)
        {
            for (int k = 0; k < x.Length; k++)
                x[k] = coordinates[k * points.Count + s];
            evaluator.Evaluate(x, withJacobian: false);
            for (int l = 0; l < network.Depth; l++)
            {
                var values = evaluator.Values(l + 1);
                for (int j = 0; j < values.Length; j++)
                {
                    if (s == 0)
                        first[l][j] = values[j];
                    else if (values[j] != first[l][j])
                        varies[l][j] = true;
                    nonzero[l][j] |= values[j] != 0;
                }
            }
        }
        var states = new NeuronState[network.Depth][];
        for (int l = 0; l < network.Depth; l++)
        {
            states[l] = new NeuronState[first[l].Length];
            for (int j = 0; j < states[l].Length; j++)
                states[l][j] = varies[l][j] ? NeuronState.Active : nonzero[l][j] ? NeuronState.DeadConstant : NeuronState.DeadZero;
        }
        return states;
    }
}
