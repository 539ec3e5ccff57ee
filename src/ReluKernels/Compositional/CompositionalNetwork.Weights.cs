using System.Numerics;

namespace ReluKernels.Compositional;

/// <summary>The four-neurons-per-layer weights (Milkert et al. 2023, §3; re-derived in docs/experiments/compositional.md).</summary>
/// <remarks>
/// Neurons in every hidden layer k = 0..d−1 (parameter layer k + 1), in this order, with σ_0 = 1 and σ_k = s_{k−1}:
/// the accumulator <c>acc_k = x ∓ Σ_{i&lt;k} s_i W_i</c>, the always-on <c>t1_k = σ_k W_{k−1}</c> (W_{−1} = x), the gated
/// <c>t2_k = σ_k ρ(W_{k−1} − a_k)</c> and the constant <c>c_k = σ_k</c>. Because
/// <c>T_a(y) = y/a − ρ(y − a)/(a(1 − a))</c>, <c>σ_k W_k = t1_k/a_k − t2_k/(a_k(1 − a_k))</c>; the next layer reads t1 and t2
/// only in that ratio (the paper's weight sharing), scaled by <c>S_k = s_k/σ_k</c>, and the constant neuron, scaled by
/// S_k each layer, is the bias source whose amplitude follows the waves'.
/// </remarks>
public sealed partial class CompositionalNetwork
{
    private const int Acc = 0, T1 = 1, T2 = 2, C = 3;

    /// <summary>Fills the raw parameters of <see cref="Architecture"/> (per layer W row-major, then b).</summary>
    /// <remarks>
    /// Each weight is at most four roundings from its exact value (S_k = s_k/s_{k−1}, then a product and a quotient). The
    /// rest is computed in double and rounded once to <typeparamref name="T"/>. Allocation-free.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not <see cref="NetworkArchitecture.ParameterCount"/> long.</exception>
    public void WriteParameters<T>(Span<T> parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = Architecture;
        if (parameters.Length != a.ParameterCount)
            throw new ArgumentException($"Expected {a.ParameterCount} parameters for {a}, got {parameters.Length}.", nameof(parameters));
        parameters.Clear();
        double sign = Sign == WaveSign.Subtract ? -1 : 1;

        // Layer 1 from x ∈ [0, 1]: acc = t1 = ρ(x), t2 = ρ(x − a_0), c = ρ(1).
        int w = a.WeightOffset(1), b = a.BiasOffset(1);
        parameters[w + Acc] = T.One;
        parameters[w + T1] = T.One;
        parameters[w + T2] = T.One;
        parameters[b + T2] = T.CreateTruncating(-_peaks[0]);
        parameters[b + C] = T.One;

        for (int k = 0; k < Depth; k++)
        {
            double ratio = StepScale(k), peak = _peaks[k];
            double up = ratio / peak, down = ratio / (peak * (1 - peak));
            int layer = k + 2;
            w = a.WeightOffset(layer);
            int inputs = a.LayerInputs(layer);
            parameters[w + Acc * inputs + Acc] = T.One;
            parameters[w + Acc * inputs + T1] = T.CreateTruncating(sign * up);
            parameters[w + Acc * inputs + T2] = T.CreateTruncating(-sign * down);
            if (layer == a.LayerCount)
                break; // the output layer is the accumulator's row alone
            foreach (int row in (ReadOnlySpan<int>)[T1, T2])
            {
                parameters[w + row * inputs + T1] = T.CreateTruncating(up);
                parameters[w + row * inputs + T2] = T.CreateTruncating(-down);
            }
            parameters[w + T2 * inputs + C] = T.CreateTruncating(-ratio * _peaks[k + 1]);
            parameters[w + C * inputs + C] = T.CreateTruncating(ratio);
        }
    }

    /// <summary>S_k = s_k/σ_k: s_0, then s_k/s_{k−1}.</summary>
    private double StepScale(int k) => k == 0 ? _scales[0] : _scales[k] / _scales[k - 1];
}
