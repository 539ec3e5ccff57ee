namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// The infinite-width NTK of two unit inputs with correlation ρ after L hidden layers, by the recursion
/// Θ^(0) = ρ, Θ^(h) = σ̂^(h)(ρ) + σ̂′(σ̂^(h−1)(ρ)) Θ^(h−1), i.e. Arora et al.'s formula (7) in Agarwal, Awasthi &amp; Kale
/// (2021), Sec. 3.2. <b>EXACT</b> in the infinite-width limit (to the accuracy of <see cref="DualActivation"/>).
/// </summary>
public static class NeuralTangentMap
{
    /// <summary>Θ^(0..L)(ρ): <paramref name="depth"/> + 1 values; at ρ = 1 the entries are Σ_{k=0}^{h} σ̂′(1)^k.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dual"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rho"/> is outside [−1, 1] or <paramref name="depth"/> &lt; 0.</exception>
    public static double[] Sequence(DualActivation dual, double rho, int depth)
    {
        var correlations = CorrelationMap.Sequence(dual, rho, depth);
        var theta = new double[depth + 1];
        theta[0] = rho;
        for (int h = 1; h <= depth; h++)
            theta[h] = correlations[h] + dual.Derivative(correlations[h - 1]) * theta[h - 1];
        return theta;
    }
}
