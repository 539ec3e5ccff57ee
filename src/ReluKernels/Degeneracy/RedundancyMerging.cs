namespace ReluKernels.Degeneracy;

/// <summary>
/// Merges positively parallel neurons: if a_j = λ a_i with λ &gt; 0 (a = (w, b), so with biases the bias must be
/// parallel too), then ρ(a_j·x) = λ ρ(a_i·x) and c_i ρ(a_i·x) + c_j ρ(a_j·x) = (c_i + λ c_j) ρ(a_i·x): neuron j is
/// dropped and λ c_j added to c_i. The hidden layer narrows, so the result has a different shape.
/// </summary>
public static class RedundancyMerging
{
    /// <summary>
    /// Merges every positively parallel pair (within τ, as <see cref="DegeneracyDiagnostics"/> finds them) of every hidden
    /// layer into the lower-indexed neuron. The realisation is unchanged when the pairs are exactly parallel; for pairs
    /// parallel only within τ it moves by about τ·|c_j|·‖a_j‖₂·(1 + |x|).
    /// </summary>
    /// <exception cref="ArgumentException">τ is not positive and finite.</exception>
    public static LayeredNetwork MergeParallel(LayeredNetwork network, double tolerance = DegeneracyDiagnostics.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(network);
        DegeneracyDiagnostics.CheckTolerance(tolerance);
        var editor = new NetworkEditor(network);
        for (int l = 1; l <= network.Depth; l++)
        {
            var layer = network.Hidden(l);
            var merged = new bool[layer.FanOut];
            for (int i = 0; i < layer.FanOut; i++)
            {
                if (merged[i])
                    continue;
                for (int j = i + 1; j < layer.FanOut; j++)
                {
                    if (merged[j])
                        continue;
                    double factor = DirectionComparison.Factor(layer, i, j, tolerance);
                    if (factor > 0)
                    {
                        editor.AddOutgoing(l, i, j, factor);
                        merged[j] = true;
                    }
                }
            }
            for (int j = layer.FanOut - 1; j >= 0; j--)
                if (merged[j])
                    editor.Remove(l, j);
        }
        return editor.Build();
    }
}
