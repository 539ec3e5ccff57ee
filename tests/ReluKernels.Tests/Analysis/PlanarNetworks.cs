using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

/// <summary>
/// Helpers for the 2-D (polygon) analysis tests: a forward pass in the generic kernel's order, and the tolerances they
/// use, each derived from the rounding of that pass.
/// </summary>
internal static class PlanarNetworks
{
    /// <summary>Unit roundoff of double, 2⁻⁵³.</summary>
    private const double UnitRoundoff = 1.1102230246251565e-16;

    /// <summary>
    /// Every layer's output at (x, y) (result[l] is layer l; result[0] the input), with z = b then
    /// z = FusedMultiplyAdd(W[j, i], a_i, z) for i ascending, as GenericNetwork does; <paramref name="preActivations"/>
    /// receives every layer's z before ReLU.
    /// </summary>
    public static double[][] Forward(NetworkArchitecture a, double[] p, PlanarPoint point, out double[][] preActivations)
    {
        var layers = new double[a.LayerCount + 1][];
        preActivations = new double[a.LayerCount + 1][];
        layers[0] = preActivations[0] = [point.X, point.Y];
        for (int l = 1; l <= a.LayerCount; l++)
        {
            int n = a.LayerOutputs(l), m = a.LayerInputs(l);
            var w = RandomNetworks.Weights(a, p, l);
            var b = RandomNetworks.Biases(a, p, l);
            layers[l] = new double[n];
            preActivations[l] = new double[n];
            for (int j = 0; j < n; j++)
            {
                double z = b.IsEmpty ? 0 : b[j];
                for (int i = 0; i < m; i++)
                    z = Math.FusedMultiplyAdd(w[j * m + i], layers[l - 1][i], z);
                preActivations[l][j] = z;
                layers[l][j] = RandomNetworks.Activates(a, l) ? Math.Max(z, 0) : z;
            }
        }
        return layers;
    }

    /// <summary>
    /// How far a computed value of layer <paramref name="layer"/> (any neuron) may be from the exact one, for inputs in
    /// [−r, r]², either by a forward pass or by a polygon's composed affine function: a chain of k fused multiply-adds
    /// errs by at most γ_k·Σ|terms| with γ_k ≈ k·u, and ReLU does not increase errors, so through l layers of fan-in ≤ n the
    /// error is at most (l·(n + 1) + 2)·u·M, where M is the largest value of the network with every weight and bias
    /// replaced by its absolute value at the input (r, r) (that network bounds every Σ|terms|). The "+ 2" covers the two
    /// fused multiply-adds of evaluating an affine function at a point. The tolerance is twice that bound (forward and
    /// polygon both err), doubled again for the second-order terms the first-order bound drops.
    /// </summary>
    public static double ValueTolerance(NetworkArchitecture a, double[] p, int layer, double radius)
    {
        double[] magnitude = [radius, radius];
        int maxFanIn = 0;
        for (int l = 1; l <= layer; l++)
        {
            int n = a.LayerOutputs(l), m = a.LayerInputs(l);
            maxFanIn = Math.Max(maxFanIn, m);
            var w = RandomNetworks.Weights(a, p, l);
            var b = RandomNetworks.Biases(a, p, l);
            var next = new double[n];
            for (int j = 0; j < n; j++)
            {
                double s = b.IsEmpty ? 0 : Math.Abs(b[j]);
                for (int i = 0; i < m; i++)
                    s += Math.Abs(w[j * m + i]) * magnitude[i];
                next[j] = s;
            }
            magnitude = next;
        }
        return 4 * (layer * (maxFanIn + 1) + 2) * UnitRoundoff * magnitude.Max();
    }

    /// <summary>
    /// How far the polygons' total area may be from (2r)²: each polygon's shoelace sum of v triangles errs by about
    /// 4v·u·(2r)² at most, and each computed crossing vertex is off by a few ulps of r, which moves the boundary it lies
    /// on by a sliver of area ≤ 16u·r·2√2r (its length is at most the square's diagonal); both are bounded by
    /// 16·u·(2r)² per vertex over all polygons.
    /// </summary>
    public static double AreaTolerance(IEnumerable<PlanarRegion> regions, double radius) =>
        16 * UnitRoundoff * 4 * radius * radius * regions.Sum(r => r.Vertices.Count);
}
