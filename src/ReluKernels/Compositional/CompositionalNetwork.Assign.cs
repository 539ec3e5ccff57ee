namespace ReluKernels.Compositional;

/// <summary>In-place updates for the first training stage, which moves one network's peaks and scales every step.</summary>
public sealed partial class CompositionalNetwork
{
    /// <summary>
    /// Replaces the peaks and scales with the same checks as the constructor, without allocating (the stage-one step runs
    /// this every step; a new instance per step would allocate).
    /// </summary>
    /// <exception cref="ArgumentException">A span's length differs from <see cref="Depth"/>, a peak lies outside (0, 1) or a scale is not positive and finite.</exception>
    internal void Assign(ReadOnlySpan<double> peaks, ReadOnlySpan<double> scales)
    {
        if (peaks.Length != Depth || scales.Length != Depth)
            throw new ArgumentException($"Expected {Depth} peaks and scales, got {peaks.Length} and {scales.Length}.", nameof(peaks));
        CheckPeaks(peaks, nameof(peaks));
        for (int i = 0; i < scales.Length; i++)
            if (!(scales[i] > 0) || !double.IsFinite(scales[i]))
                throw new ArgumentException($"Scale s_{i} = {scales[i]} must be positive and finite.", nameof(scales));
        peaks.CopyTo(_peaks);
        scales.CopyTo(_scales);
    }
}
