using ReluKernels.Statistics;

namespace ReluKernels.Conditioning;

/// <summary>A Monte-Carlo mean over networks with its standard error and 95% interval (mean ± 1.96 SE).</summary>
/// <param name="Mean">Sample mean.</param>
/// <param name="StandardError">s/√N.</param>
/// <param name="Low">Lower end of the 95% interval.</param>
/// <param name="High">Upper end of the 95% interval.</param>
/// <param name="Count">Networks that contributed.</param>
public sealed record Estimate(double Mean, double StandardError, double Low, double High, long Count)
{
    /// <summary>The estimate of finite samples; null when fewer than two are finite (nothing to put in a table).</summary>
    public static Estimate? Of(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var finite = samples.Where(double.IsFinite).ToArray();
        if (finite.Length < 2)
            return null;
        double mean = finite.Average();
        double variance = finite.Sum(x => (x - mean) * (x - mean)) / (finite.Length - 1);
        var m = new MeanEstimate(finite.Length, mean, variance);
        return new(m.Mean, m.StandardError, m.Low, m.High, m.Count);
    }

    /// <summary>As a <see cref="MeanEstimate"/>, for its z test.</summary>
    public MeanEstimate ToMeanEstimate() => new(Count, Mean, StandardError * StandardError * Count);
}
