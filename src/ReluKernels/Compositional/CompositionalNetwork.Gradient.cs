namespace ReluKernels.Compositional;

/// <summary>The chain rule from raw parameters back to the reparameterisation (vector–Jacobian product of <see cref="WriteParameters{T}"/>).</summary>
public sealed partial class CompositionalNetwork
{
    /// <summary>
    /// Given dL/dθ for the raw parameters θ that <see cref="WriteParameters{T}"/> writes, computes dL/da and dL/ds, i.e.
    /// <c>Jᵀ·dL/dθ</c> with J = ∂θ/∂(a, s). Entries of dL/dθ for parameters the construction holds at 0 or 1 are ignored
    /// (they do not depend on a or s). Allocation-free.
    /// </summary>
    /// <param name="parameterGradient">dL/dθ, <see cref="NetworkArchitecture.ParameterCount"/> long.</param>
    /// <param name="peakGradient">Receives dL/da_0..dL/da_{d−1} (overwritten).</param>
    /// <param name="scaleGradient">Receives dL/ds_0..dL/ds_{d−1} (overwritten).</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void BackpropagateParameterGradient(ReadOnlySpan<double> parameterGradient, Span<double> peakGradient, Span<double> scaleGradient)
    {
        var a = Architecture;
        if (parameterGradient.Length != a.ParameterCount)
            throw new ArgumentException($"Expected {a.ParameterCount} gradient entries for {a}, got {parameterGradient.Length}.", nameof(parameterGradient));
        if (peakGradient.Length != Depth)
            throw new ArgumentException($"Expected {Depth} peak gradients, got {peakGradient.Length}.", nameof(peakGradient));
        if (scaleGradient.Length != Depth)
            throw new ArgumentException($"Expected {Depth} scale gradients, got {scaleGradient.Length}.", nameof(scaleGradient));
        peakGradient.Clear();
        scaleGradient.Clear();
        double sign = Sign == WaveSign.Subtract ? -1 : 1;

        peakGradient[0] = -parameterGradient[a.BiasOffset(1) + T2]; // b(t2) = −a_0

        // scaleGradient holds dL/dS_k until the last loop turns it into dL/ds_k.
        for (int k = 0; k < Depth; k++)
        {
            double ratio = StepScale(k), peak = _peaks[k], spread = peak * (1 - peak);
            int layer = k + 2, w = a.WeightOffset(layer), inputs = a.LayerInputs(layer);
            // dL/d(up) and dL/d(down) over every weight that holds ±up or ∓down.
            double gUp = sign * parameterGradient[w + Acc * inputs + T1];
            double gDown = -sign * parameterGradient[w + Acc * inputs + T2];
            if (layer < a.LayerCount)
            {
                foreach (int row in (ReadOnlySpan<int>)[T1, T2])
                {
                    gUp += parameterGradient[w + row * inputs + T1];
                    gDown -= parameterGradient[w + row * inputs + T2];
                }
                double gThreshold = parameterGradient[w + T2 * inputs + C]; // −S_k a_{k+1}
                double gSelf = parameterGradient[w + C * inputs + C];       // S_k
                scaleGradient[k] += -gThreshold * _peaks[k + 1] + gSelf;
                peakGradient[k + 1] += -gThreshold * ratio;
            }
            // up = S/a, down = S/(a(1 − a)).
            scaleGradient[k] += gUp / peak + gDown / spread;
            peakGradient[k] += -gUp * ratio / (peak * peak) - gDown * ratio * (1 - 2 * peak) / (spread * spread);
        }

        // S_0 = s_0, S_k = s_k/s_{k−1}: dL/ds_k = dL/dS_k / s_{k−1} − dL/dS_{k+1} · s_{k+1}/s_k².
        double next = 0;
        for (int k = Depth - 1; k >= 0; k--)
        {
            double gRatio = scaleGradient[k];
            double own = k == 0 ? gRatio : gRatio / _scales[k - 1];
            scaleGradient[k] = own + next;
            next = k == 0 ? 0 : -gRatio * _scales[k] / (_scales[k - 1] * _scales[k - 1]);
        }
    }
}
