namespace ReluKernels.Degeneracy.Examples;

/// <summary>One hidden neuron of a shallow scalar network: c·ρ(⟨w, x⟩ + b).</summary>
/// <param name="Weights">The incoming weights w.</param>
/// <param name="Bias">The bias b (ignored by a bias-free network).</param>
/// <param name="Outgoing">The outgoing weight c.</param>
internal readonly record struct ShallowNeuron(double[] Weights, double Bias, double Outgoing)
{
    /// <summary>The balanced neuron realising s·ρ(⟨v, (x, 1)⟩) (s ≥ 0): v scaled to ‖a‖_∞ = |c| = √(s·‖v‖_∞), v = (w, b).</summary>
    public static ShallowNeuron Balanced(double[] w, double b, double sign, double magnitude = 1)
    {
        double norm = Math.Max(w.Max(Math.Abs), Math.Abs(b));
        double scale = Math.Sqrt(magnitude / norm);
        return new ShallowNeuron([.. w.Select(x => x * scale)], b * scale, sign * Math.Sqrt(magnitude * norm));
    }

    /// <summary>Builds the (d, m, 1) network of <paramref name="neurons"/>, with biases (output bias 0) or without.</summary>
    public static LayeredNetwork Network(IReadOnlyList<ShallowNeuron> neurons, bool bias)
    {
        int d = neurons[0].Weights.Length, m = neurons.Count;
        return new LayeredNetwork([
            new DenseLayer(d, m, neurons.SelectMany(n => n.Weights).ToArray(), bias ? neurons.Select(n => n.Bias).ToArray() : []),
            new DenseLayer(m, 1, neurons.Select(n => n.Outgoing).ToArray(), bias ? [0.0] : []),
        ]);
    }
}
