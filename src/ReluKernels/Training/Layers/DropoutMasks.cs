namespace ReluKernels.Training.Layers;

/// <summary>
/// Inverted-dropout keep decisions as a pure function of (seed, stream, training step, sample, layer, neuron), so a mask
/// does not depend on the thread count, on which thread ran the run, or on where the sample sits in its mini-batch.
/// </summary>
/// <remarks>
/// One <see cref="Philox4x32"/> call per decision: key = <see cref="Key"/> of (seed, stream) — itself Philox4x32 of the
/// stream under the seed's key, so runs of one seed get independent keys — and counter
/// <c>(step low, step high, sample, layer·2^16 + neuron)</c> (neurons &lt; 2^16 since widths are at most
/// <see cref="ShapeLimits.MaxRuntimeWidth"/>). The first two output words form a 53-bit uniform u in [0, 1); the neuron is
/// kept when u ≥ p, so P(keep) = 1 − p up to 2^-53.
/// </remarks>
public static class DropoutMasks
{
    /// <summary>The Philox key of a run: (seed, stream) mixed into 64 bits.</summary>
    public static (uint K0, uint K1) Key(ulong seed, ulong stream)
    {
        var (x0, x1, _, _) = Philox4x32.Compute((uint)stream, (uint)(stream >> 32), 0x4452_4F50 /* "DROP" */, 0, (uint)seed, (uint)(seed >> 32));
        return (x0, x1);
    }

    /// <summary>Whether <paramref name="neuron"/> of hidden layer <paramref name="layer"/> is kept for data-set sample <paramref name="sample"/> at training step <paramref name="step"/>.</summary>
    public static bool Keep((uint K0, uint K1) key, long step, int sample, int layer, int neuron, double rate)
    {
        var (x0, x1, _, _) = Philox4x32.Compute((uint)step, (uint)((ulong)step >> 32), (uint)sample, ((uint)layer << 16) | (uint)neuron, key.K0, key.K1);
        double u = ((((ulong)x1 << 32) | x0) >> 11) * (1.0 / (1UL << 53));
        return u >= rate;
    }
}
