using ReluKernels.Analysis;

namespace ReluKernels.Degeneracy;

/// <summary>
/// Removes neurons that are constant on a domain: a dead-zero neuron contributes nothing there, and a dead-constant one
/// with value v contributes v·c, which is added to the next layer's biases. The realisation is unchanged on the domain
/// (not outside it). A layer never becomes empty: when all its neurons are dead, the first stays with its outgoing
/// weights set to 0. In a bias-free network a dead-constant neuron has nowhere to go and is kept.
/// </summary>
public static class DeadNeuronRemoval
{
    /// <summary>Removes the neurons that are dead on Ω = [−r, r], decided exactly (1-D input).</summary>
    /// <exception cref="ArgumentException">The input is not 1-D.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radius"/> is not positive and finite.</exception>
    public static LayeredNetwork RemoveDead(LayeredNetwork network, double radius = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Remove(network, NeuronDeadness.Exact(network, radius), [0.0]);
    }

    /// <summary>
    /// Removes the neurons that are constant on every point of <paramref name="points"/>. The verdicts are estimates: a
    /// neuron active between the points is removed too, and the realisation then changes there.
    /// </summary>
    /// <exception cref="ArgumentException">The points' dimension differs from the network's.</exception>
    public static LayeredNetwork RemoveDead(LayeredNetwork network, PointSet points)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(points);
        var states = NeuronDeadness.Sampled(network, points);
        var first = new double[points.InputDim];
        for (int k = 0; k < first.Length; k++)
            first[k] = points.Coordinates[k * points.Count];
        return Remove(network, states, first);
    }

    /// <summary>Removes by <paramref name="states"/>; constants are read off the original network at <paramref name="point"/> ∈ Ω.</summary>
    private static LayeredNetwork Remove(LayeredNetwork network, NeuronState[][] states, double[] point)
    {
        var evaluator = new NetworkEvaluator(network);
        evaluator.Evaluate(point, withJacobian: false);
        var editor = new NetworkEditor(network);
        for (int l = 1; l <= network.Depth; l++)
        {
            var layerStates = states[l - 1];
            var values = evaluator.Values(l);
            var removable = new List<int>();
            for (int j = 0; j < layerStates.Length; j++)
            {
                if (layerStates[j] == NeuronState.DeadZero)
                    removable.Add(j);
                else if (layerStates[j] == NeuronState.DeadConstant && network.HasBias)
                {
                    editor.FoldConstant(l, j, values[j]);
                    removable.Add(j);
                }
            }
            if (removable.Count == layerStates.Length)
            {
                // Its constant (if any) is already folded in; without outgoing weights it contributes nothing.
                editor.ClearOutgoing(l, removable[0]);
                removable.RemoveAt(0);
            }
            for (int k = removable.Count - 1; k >= 0; k--)
                editor.Remove(l, removable[k]);
        }
        return editor.Build();
    }
}
