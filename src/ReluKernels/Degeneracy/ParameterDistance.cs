namespace ReluKernels.Degeneracy;

/// <summary>
/// Distances between two parametrisations of the same architecture in the max norm |Θ − Γ|_∞ (largest absolute
/// difference of corresponding parameters), as in Berner, Elbrächter &amp; Grohs (2019).
/// </summary>
public static class ParameterDistance
{
    /// <summary>|Θ − Γ|_∞ entry by entry, with no symmetries.</summary>
    /// <exception cref="ArgumentException">The shapes differ (the message names both).</exception>
    public static double Plain(LayeredNetwork theta, LayeredNetwork gamma)
    {
        CheckSameShape(theta, gamma);
        double max = 0;
        for (int l = 0; l < theta.Layers.Count; l++)
        {
            var (x, y) = (theta.Layers[l], gamma.Layers[l]);
            for (int k = 0; k < x.Weights.Length; k++)
                max = Math.Max(max, Math.Abs(x.Weights[k] - y.Weights[k]));
            for (int k = 0; k < x.Biases.Length; k++)
                max = Math.Max(max, Math.Abs(x.Biases[k] - y.Biases[k]));
        }
        return max;
    }

    /// <summary>
    /// The distance from the fibre of symmetric copies of Θ to Γ, for one hidden layer:
    /// inf over permutations π and λ_i &gt; 0 of |Θ_{π,λ} − Γ|_∞, where Θ_{π,λ} puts neuron π(i) of Θ, with incoming
    /// vector (w, b) scaled by λ_i and outgoing vector by 1/λ_i, in place of neuron i of Γ. Γ stays fixed, as in the
    /// inverse-stability question "how far must Γ move to realise R(Θ)". The output biases are compared as they are.
    /// Each pair's best λ is found exactly (every candidate optimum is evaluated) and π solves a bottleneck assignment.
    /// </summary>
    /// <remarks>
    /// The infimum need not be attained: a neuron of Θ with zero outgoing weights may shrink its incoming vector towards
    /// 0 (λ → 0), so the value is a limit. It is 0 exactly when Θ is a permuted, rescaled copy of Γ (up to such limits).
    /// </remarks>
    /// <exception cref="ArgumentException">The shapes differ (the message names both) or the networks are not shallow.</exception>
    public static SymmetricDistance UpToSymmetries(LayeredNetwork theta, LayeredNetwork gamma)
    {
        CheckSameShape(theta, gamma);
        if (theta.Depth != 1)
            throw new ArgumentException($"The distance up to symmetries is implemented for one hidden layer; {theta} has {theta.Depth}.", nameof(theta));
        var (h1, o1, h2, o2) = (theta.Hidden(1), theta.Next(1), gamma.Hidden(1), gamma.Next(1));
        int m = h1.FanOut;
        var cost = new double[m, m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                cost[i, j] = RescaledPairCost.Compute(Incoming(h1, j), Column(o1, j), Incoming(h2, i), Column(o2, i));
        var (value, assignment) = BottleneckAssignment.Solve(cost);
        for (int o = 0; o < o1.Biases.Length; o++)
            value = Math.Max(value, Math.Abs(o1.Biases[o] - o2.Biases[o]));
        return new SymmetricDistance(value, assignment);
    }

    /// <summary>Rejects a null network or two networks of different shapes, naming both.</summary>
    internal static void CheckSameShape(LayeredNetwork theta, LayeredNetwork gamma)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(gamma);
        if (!theta.HasSameShape(gamma))
            throw new ArgumentException($"The networks have different architectures: {theta} and {gamma}.", nameof(gamma));
    }

    private static double[] Incoming(DenseLayer layer, int neuron) => [.. layer.Row(neuron), .. layer.Biases.IsEmpty ? [] : layer.Biases.Slice(neuron, 1)];

    private static double[] Column(DenseLayer layer, int input)
    {
        var column = new double[layer.FanOut];
        for (int o = 0; o < column.Length; o++)
            column[o] = layer.Weight(o, input);
        return column;
    }
}
