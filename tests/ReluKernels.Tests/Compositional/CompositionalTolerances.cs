using ReluKernels.Compositional;

namespace ReluKernels.Tests.Compositional;

/// <summary>
/// The derived rounding bound for "constructed network = closed form". Both sides are computed in floating point, so
/// the tolerance at x is the sum of two running (a-posteriori) error bounds, each against exact arithmetic:
/// <list type="bullet">
/// <item>The network: per neuron, e' = (1 + η)·Σ|W|·e + η·(|b| + Σ|W|·|â|), with η = δ_w + γ_{m+1} + δ_w·γ_{m+1}.
/// Here γ_n = n·u/(1 − n·u) bounds a chain of m fused multiply-adds after the bias (any order), and δ_w bounds a stored
/// weight's relative distance from its exact value: 4 double roundings (<see cref="CompositionalNetwork.WriteParameters{T}"/>)
/// and one rounding to the element type. ReLU is 1-Lipschitz, so it does not enlarge e.</item>
/// <item>The closed form: W_k = T_k(W_{k−1}) costs at most 3 roundings (1 − y, 1 − a, the quotient) on top of T's
/// Lipschitz constant L_k = max(1/a_k, 1/(1 − a_k)) times the incoming error: δ_k = L_k·δ_{k−1} + γ_4·|Ŵ_k|. The sum of
/// d products and the final x ∓ Σ add Σ s_k δ_k (1 + γ) + γ_{d+2}·(|x| + Σ s_k |Ŵ_k|).</item>
/// </list>
/// The bound is evaluated in double from the computed values; second-order terms (u² ≈ 1e-32) are covered by the
/// (1 + η) factors.
/// </summary>
public static class CompositionalTolerances
{
    /// <summary>Unit roundoff of double, 2⁻⁵³.</summary>
    public const double DoubleUnitRoundoff = 1.1102230246251565e-16;

    /// <summary>Unit roundoff of float, 2⁻²⁴.</summary>
    public const double FloatUnitRoundoff = 5.9604644775390625e-8;

    /// <summary>Roundings between a weight's exact value and the double the construction computes.</summary>
    public const int WeightRoundings = 4;

    /// <summary>γ_n = n·u/(1 − n·u).</summary>
    public static double Gamma(int n, double u) => n * u / (1 - n * u);

    /// <summary>|network(x) − F(x)| bound for parameters stored with unit roundoff <paramref name="storageRoundoff"/>.</summary>
    public static double Bound(CompositionalNetwork network, ReadOnlySpan<double> storedParameters, double x, double storageRoundoff) =>
        NetworkBound(network.Architecture, storedParameters, x, storageRoundoff) + ClosedFormBound(network, x);

    private static double NetworkBound(NetworkArchitecture a, ReadOnlySpan<double> p, double x, double u)
    {
        double weightError = (1 + Gamma(WeightRoundings, DoubleUnitRoundoff)) * (1 + u) - 1;
        double[] values = [x], errors = [0];
        for (int l = 1; l <= a.LayerCount; l++)
        {
            int fanIn = a.LayerInputs(l), fanOut = a.LayerOutputs(l);
            double gamma = Gamma(fanIn + 1, u);
            double eta = weightError + gamma + weightError * gamma;
            var next = new double[fanOut];
            var nextErrors = new double[fanOut];
            for (int j = 0; j < fanOut; j++)
            {
                double b = p[a.BiasOffset(l) + j], z = b, magnitude = Math.Abs(b), propagated = 0;
                for (int i = 0; i < fanIn; i++)
                {
                    double w = p[a.WeightOffset(l) + j * fanIn + i];
                    z += w * values[i];
                    magnitude += Math.Abs(w) * (Math.Abs(values[i]) + errors[i]);
                    propagated += Math.Abs(w) * errors[i];
                }
                next[j] = l < a.LayerCount ? Math.Max(z, 0) : z;
                nextErrors[j] = (1 + eta) * propagated + eta * magnitude;
            }
            values = next;
            errors = nextErrors;
        }
        return errors[0];
    }

    private static double ClosedFormBound(CompositionalNetwork network, double x)
    {
        var peaks = network.Peaks;
        var scales = network.Scales;
        double w = x, delta = 0, weighted = Math.Abs(x), carried = 0;
        for (int k = 0; k < peaks.Length; k++)
        {
            double lipschitz = Math.Max(1 / peaks[k], 1 / (1 - peaks[k]));
            w = TriangleWaves.Triangle(peaks[k], w);
            delta = lipschitz * delta + Gamma(4, DoubleUnitRoundoff) * Math.Abs(w);
            weighted += scales[k] * Math.Abs(w);
            carried += scales[k] * delta;
        }
        double gamma = Gamma(peaks.Length + 2, DoubleUnitRoundoff);
        return carried * (1 + gamma) + gamma * weighted;
    }
}
