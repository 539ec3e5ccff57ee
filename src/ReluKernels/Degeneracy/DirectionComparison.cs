namespace ReluKernels.Degeneracy;

/// <summary>
/// Compares two neurons' incoming vectors u = (w_i, b_i) and v = (w_j, b_j) (bias appended when the layer has biases) by
/// their Euclidean unit vectors: positively parallel when ‖û − v̂‖₂ ≤ τ, exactly opposite when ‖û + v̂‖₂ ≤ τ. A zero
/// vector has no direction and is neither.
/// </summary>
internal static class DirectionComparison
{
    /// <summary>
    /// +λ when v ≈ λu with λ = ‖v‖₂/‖u‖₂ (positively parallel), −λ when v ≈ −λu (opposite), 0 when neither
    /// (or either vector is zero).
    /// </summary>
    public static double Factor(DenseLayer layer, int i, int j, double tolerance)
    {
        double nu = Norm2(layer, i), nv = Norm2(layer, j);
        if (nu == 0 || nv == 0)
            return 0;
        double plus = 0, minus = 0;
        for (int k = 0; k <= layer.FanIn; k++)
        {
            double u = Component(layer, i, k) / nu, v = Component(layer, j, k) / nv;
            plus += (u - v) * (u - v);
            minus += (u + v) * (u + v);
        }
        double ratio = nv / nu;
        return Math.Sqrt(plus) <= tolerance ? ratio : Math.Sqrt(minus) <= tolerance ? -ratio : 0;
    }

    /// <summary>Component k of neuron <paramref name="neuron"/>'s incoming vector: weight k, or the bias at k = FanIn (0 without biases).</summary>
    public static double Component(DenseLayer layer, int neuron, int k) =>
        k < layer.FanIn ? layer.Weight(neuron, k) : layer.Bias(neuron);

    private static double Norm2(DenseLayer layer, int neuron)
    {
        double sum = 0;
        for (int k = 0; k <= layer.FanIn; k++)
            sum += Component(layer, neuron, k) * Component(layer, neuron, k);
        return Math.Sqrt(sum);
    }
}
