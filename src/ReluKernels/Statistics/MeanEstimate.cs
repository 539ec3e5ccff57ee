using MathNet.Numerics.Distributions;

namespace ReluKernels.Statistics;

/// <summary>
/// A sample mean with its standard error, 95% interval and a two-sided z test against a theoretical mean. Used where a
/// simulation estimates an expectation rather than a probability (mean active neurons, E[q(x)]).
/// </summary>
/// <remarks>
/// The test is the large-sample normal approximation: z = (mean − μ) / SE with SE = s/√n from the sample variance, at
/// the same α = <see cref="BinomialTest.Alpha"/> as the binomial tests (|z| &gt; 4.89). Callers use it only with
/// thousands of trials or more, where the central limit theorem makes the approximation accurate far beyond what α needs.
/// </remarks>
/// <param name="Count">Trials n.</param>
/// <param name="Mean">Sample mean.</param>
/// <param name="Variance">Unbiased sample variance (0 when n &lt; 2).</param>
public readonly record struct MeanEstimate(long Count, double Mean, double Variance)
{
    /// <summary>s/√n.</summary>
    public double StandardError => Count < 1 ? double.PositiveInfinity : Math.Sqrt(Variance / Count);

    /// <summary>Lower end of the 95% interval, mean − 1.96·SE.</summary>
    public double Low => Mean - WilsonInterval.Z95 * StandardError;

    /// <summary>Upper end of the 95% interval.</summary>
    public double High => Mean + WilsonInterval.Z95 * StandardError;

    /// <summary>Two-sided p-value of the hypothesis that the true mean is <paramref name="expected"/>.</summary>
    public double TwoSidedPValue(double expected)
    {
        double se = StandardError;
        if (se == 0)
            return Mean == expected ? 1 : 0;
        double z = Math.Abs(Mean - expected) / se;
        return Math.Min(1, 2 * Normal.CDF(0, 1, -z));
    }

    /// <summary>Whether the sample is consistent with the true mean <paramref name="expected"/> (two-sided, level <see cref="BinomialTest.Alpha"/>).</summary>
    public bool AgreesWith(double expected) => TwoSidedPValue(expected) > BinomialTest.Alpha;

    /// <summary>The mean and variance of integer outcomes from their histogram: <c>histogram[k]</c> trials gave outcome k.</summary>
    public static MeanEstimate FromHistogram(ReadOnlySpan<long> histogram)
    {
        long n = 0;
        double sum = 0;
        for (int k = 0; k < histogram.Length; k++)
        {
            n += histogram[k];
            sum += (double)k * histogram[k];
        }
        if (n == 0)
            return new(0, 0, 0);
        double mean = sum / n, squares = 0;
        for (int k = 0; k < histogram.Length; k++)
            squares += histogram[k] * (k - mean) * (k - mean);
        return new(n, mean, n > 1 ? squares / (n - 1) : 0);
    }
}
