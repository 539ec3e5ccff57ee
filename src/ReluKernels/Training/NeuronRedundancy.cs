using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// Redundancy of the hidden neurons, in place on the flat parameter vector (<see cref="NetworkArchitecture"/> layout):
/// neurons i and j of hidden layer l are redundant when their incoming vectors a_i = (row i of W_l, b_l[i]) and a_j point
/// the same way (Berner, Elbrächter &amp; Grohs 2019: positively parallel incoming vectors are a degeneracy). The penalty
/// R = Σ_{i&lt;j} max(0, cos(a_i, a_j))² over each hidden layer (pairs with a zero vector skipped) is zero when no two
/// incoming vectors of a layer make an acute angle. Nothing here allocates.
/// </summary>
/// <remarks>
/// Unlike <see cref="NeuronBalance"/> this is about directions only, so any activation is fine. The square of the positive
/// part makes R continuously differentiable, also where a cosine crosses 0.
/// </remarks>
public static class NeuronRedundancy
{
    /// <summary>The penalty Σ_l Σ_{i&lt;j} max(0, cos(a_i, a_j))² over the hidden layers, without a weight.</summary>
    /// <exception cref="ArgumentException">The span's length is not the architecture's parameter count.</exception>
    public static double Penalty<T>(NetworkArchitecture architecture, ReadOnlySpan<T> parameters)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(architecture, parameters.Length);
        double sum = 0;
        for (int l = 1; l <= architecture.Depth; l++)
        {
            for (int i = 0; i < architecture.Width; i++)
            {
                for (int j = i + 1; j < architecture.Width; j++)
                {
                    var (cosine, _, _) = Cosine(architecture, parameters, l, i, j);
                    sum += cosine * cosine;
                }
            }
        }
        return sum;
    }

    /// <summary>
    /// Adds the gradient of <paramref name="weight"/> · R to <paramref name="gradient"/>: for each pair with c = cos(a_i, a_j)
    /// &gt; 0, ∂c²/∂a_i = 2c·(a_j/(‖a_i‖‖a_j‖) − c·a_i/‖a_i‖²) and symmetrically for a_j. Returns the weighted penalty at
    /// <paramref name="parameters"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length is not the architecture's parameter count.</exception>
    public static double AddPenaltyGradient<T>(NetworkArchitecture architecture, ReadOnlySpan<T> parameters, double weight, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(architecture, parameters.Length);
        Check(architecture, gradient.Length);
        double sum = 0;
        for (int l = 1; l <= architecture.Depth; l++)
        {
            int length = architecture.LayerInputs(l) + (architecture.Bias ? 1 : 0);
            for (int i = 0; i < architecture.Width; i++)
            {
                for (int j = i + 1; j < architecture.Width; j++)
                {
                    var (c, ni2, nj2) = Cosine(architecture, parameters, l, i, j);
                    if (c == 0)
                        continue;
                    sum += c * c;
                    double cross = 2 * weight * c / Math.Sqrt(ni2 * nj2);
                    double selfI = 2 * weight * c * c / ni2, selfJ = 2 * weight * c * c / nj2;
                    for (int k = 0; k < length; k++)
                    {
                        int pi = Entry(architecture, l, i, k), pj = Entry(architecture, l, j, k);
                        double ai = double.CreateTruncating(parameters[pi]), aj = double.CreateTruncating(parameters[pj]);
                        gradient[pi] += T.CreateTruncating(cross * aj - selfI * ai);
                        gradient[pj] += T.CreateTruncating(cross * ai - selfJ * aj);
                    }
                }
            }
        }
        return weight * sum;
    }

    /// <summary>max(0, cos(a_i, a_j)) of hidden layer l, with ‖a_i‖² and ‖a_j‖²; 0 when either vector is zero.</summary>
    private static (double Cosine, double NormI2, double NormJ2) Cosine<T>(NetworkArchitecture a, ReadOnlySpan<T> p, int l, int i, int j)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = a.LayerInputs(l) + (a.Bias ? 1 : 0);
        double dot = 0, ni2 = 0, nj2 = 0;
        for (int k = 0; k < length; k++)
        {
            double ai = double.CreateTruncating(p[Entry(a, l, i, k)]), aj = double.CreateTruncating(p[Entry(a, l, j, k)]);
            dot += ai * aj;
            ni2 += ai * ai;
            nj2 += aj * aj;
        }
        if (ni2 == 0 || nj2 == 0 || dot <= 0)
            return (0, ni2, nj2);
        return (dot / Math.Sqrt(ni2 * nj2), ni2, nj2);
    }

    /// <summary>The index of entry k of a_j of hidden layer l: row j of W_l for k &lt; fan-in, then b_l[j].</summary>
    private static int Entry(NetworkArchitecture a, int l, int j, int k)
    {
        int fanIn = a.LayerInputs(l);
        return k < fanIn ? a.WeightOffset(l) + j * fanIn + k : a.BiasOffset(l) + j;
    }

    private static void Check(NetworkArchitecture architecture, int length)
    {
        if (architecture.Width == 0)
            throw new ArgumentException("The architecture is default-initialised.", nameof(architecture));
        KernelArguments.RequireLength(length, architecture.ParameterCount, "parameters");
    }
}
