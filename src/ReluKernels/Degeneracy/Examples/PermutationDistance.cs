namespace ReluKernels.Degeneracy.Examples;

/// <summary>
/// min over permutations π of Θ's hidden neurons of |Θ_π − Γ|_∞ for shallow networks: the symmetries that keep a
/// network of the restricted space Q in Q (a positive rescaling would unbalance it). A bottleneck assignment.
/// </summary>
internal static class PermutationDistance
{
    public static double Compute(LayeredNetwork theta, LayeredNetwork gamma)
    {
        ParameterDistance.CheckSameShape(theta, gamma);
        var (h1, o1, h2, o2) = (theta.Hidden(1), theta.Next(1), gamma.Hidden(1), gamma.Next(1));
        int m = h1.FanOut;
        var cost = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double c = 0;
                for (int k = 0; k < h1.FanIn; k++)
                    c = Math.Max(c, Math.Abs(h1.Weight(j, k) - h2.Weight(i, k)));
                if (h1.HasBias)
                    c = Math.Max(c, Math.Abs(h1.Biases[j] - h2.Biases[i]));
                for (int o = 0; o < o1.FanOut; o++)
                    c = Math.Max(c, Math.Abs(o1.Weight(o, j) - o2.Weight(o, i)));
                cost[i, j] = c;
            }
        }
        double value = BottleneckAssignment.Solve(cost).Value;
        for (int o = 0; o < o1.Biases.Length; o++)
            value = Math.Max(value, Math.Abs(o1.Biases[o] - o2.Biases[o]));
        return value;
    }
}
