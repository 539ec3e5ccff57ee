namespace ReluKernels.Compositional;

/// <summary>
/// The scales that make the infinite-depth output differentiable (Milkert et al. 2023, Theorem 3.4, Eq. (5)):
/// <c>s_{k+1} = s_k (1 − a_{k+1}) a_{k+2}</c>, s_0 free. Checked numerically in docs/experiments/compositional.md: with
/// this indexing the jump of F' at the bends shrinks to 0 as waves are added; with the index shifted by one
/// (<c>s_k (1 − a_k) a_{k+1}</c>) it stalls at a nonzero value.
/// </summary>
public static class DifferentiabilityCondition
{
    /// <summary>
    /// Writes s_0..s_{n−1} from s_0 and the peaks a_0..a_n, n = <paramref name="scales"/>.Length. The last scale needs
    /// a_n, the peak of the layer after the truncated network: pass one more peak than the network has (1/2 is the
    /// neutral choice of the all-1/2 construction, whose output tends to x²).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="peaks"/> is not one longer than <paramref name="scales"/>, a peak lies outside (0, 1), or s_0 is not positive and finite.
    /// </exception>
    public static void Scales(ReadOnlySpan<double> peaks, double firstScale, Span<double> scales)
    {
        Check(peaks, firstScale, scales.Length);
        scales[0] = firstScale;
        for (int k = 0; k + 1 < scales.Length; k++)
            scales[k + 1] = scales[k] * (1 - peaks[k + 1]) * peaks[k + 2];
    }

    /// <summary>
    /// The chain rule through <see cref="Scales"/>: given dL/ds for the scales it wrote, adds dL/da to
    /// <paramref name="peakGradient"/> (n + 1 entries) and returns dL/ds_0. Allocation-free.
    /// </summary>
    /// <param name="peaks">The peaks a_0..a_n given to <see cref="Scales"/>.</param>
    /// <param name="scales">The scales it wrote.</param>
    /// <param name="scaleGradient">dL/ds_0..dL/ds_{n−1}.</param>
    /// <param name="peakGradient">dL/da_0..dL/da_n, added to.</param>
    /// <exception cref="ArgumentException">The spans' lengths do not match.</exception>
    public static double Backpropagate(ReadOnlySpan<double> peaks, ReadOnlySpan<double> scales, ReadOnlySpan<double> scaleGradient,
        Span<double> peakGradient)
    {
        if (scales.Length < 1 || peaks.Length != scales.Length + 1)
            throw new ArgumentException($"Expected one more peak than scales, got {peaks.Length} peaks and {scales.Length} scales.", nameof(peaks));
        if (scaleGradient.Length != scales.Length || peakGradient.Length != peaks.Length)
            throw new ArgumentException(
                $"Expected {scales.Length} scale gradients and {peaks.Length} peak gradients, got {scaleGradient.Length} and {peakGradient.Length}.",
                nameof(scaleGradient));
        double carried = scaleGradient[^1];
        for (int k = scales.Length - 2; k >= 0; k--)
        {
            // s_{k+1} = s_k (1 − a_{k+1}) a_{k+2}
            peakGradient[k + 1] -= carried * scales[k] * peaks[k + 2];
            peakGradient[k + 2] += carried * scales[k] * (1 - peaks[k + 1]);
            carried = scaleGradient[k] + carried * (1 - peaks[k + 1]) * peaks[k + 2];
        }
        return carried;
    }

    private static void Check(ReadOnlySpan<double> peaks, double firstScale, int count)
    {
        if (count < 1 || peaks.Length != count + 1)
            throw new ArgumentException(
                $"Expected one more peak than scales (a_n sets s_{{n−1}}), got {peaks.Length} peaks for {count} scales.", nameof(peaks));
        CompositionalNetwork.CheckPeaks(peaks, nameof(peaks));
        if (!(firstScale > 0) || !double.IsFinite(firstScale))
            throw new ArgumentException($"s_0 = {firstScale} must be positive and finite.", nameof(firstScale));
    }
}
