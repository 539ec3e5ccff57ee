namespace ReluKernels.Compositional;

/// <summary>
/// The closed forms of Milkert et al. (2023), §3: triangle functions T_a, the composed waves W_i = T_i ∘ … ∘ T_0 and the
/// output F(x) = x ∓ Σ s_i W_i(x), all on [0, 1]. Allocation-free.
/// </summary>
public static class TriangleWaves
{
    /// <summary>T_a(x) = x/a for x ≤ a, (1 − x)/(1 − a) for x &gt; a: a triangle on [0, 1] with peak (a, 1) and T_a(0) = T_a(1) = 0.</summary>
    /// <param name="peak">a ∈ (0, 1) (not checked here; <see cref="CompositionalNetwork"/> validates).</param>
    /// <param name="x">A point of [0, 1].</param>
    public static double Triangle(double peak, double x) => x <= peak ? x / peak : (1 - x) / (1 - peak);

    /// <summary>Writes W_0(x), …, W_{n−1}(x) for n = <paramref name="peaks"/>.Length: W_i = T_{a_i}(W_{i−1}), W_{−1}(x) = x.</summary>
    /// <exception cref="ArgumentException"><paramref name="waves"/> is shorter than <paramref name="peaks"/>.</exception>
    public static void Waves(ReadOnlySpan<double> peaks, double x, Span<double> waves)
    {
        if (waves.Length < peaks.Length)
            throw new ArgumentException($"Expected room for {peaks.Length} waves, got {waves.Length}.", nameof(waves));
        double w = x;
        for (int i = 0; i < peaks.Length; i++)
            waves[i] = w = Triangle(peaks[i], w);
    }

    /// <summary>F(x) = x ∓ Σ_{i&lt;n} s_i W_i(x) with n = <paramref name="peaks"/>.Length = <paramref name="scales"/>.Length.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double Output(ReadOnlySpan<double> peaks, ReadOnlySpan<double> scales, WaveSign sign, double x)
    {
        if (peaks.Length != scales.Length)
            throw new ArgumentException($"Expected one scale per peak ({peaks.Length}), got {scales.Length}.", nameof(scales));
        double w = x, sum = 0;
        for (int i = 0; i < peaks.Length; i++)
        {
            w = Triangle(peaks[i], w);
            sum += scales[i] * w;
        }
        return sign == WaveSign.Subtract ? x - sum : x + sum;
    }
}
