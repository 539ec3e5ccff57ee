namespace ReluKernels.Experiments;

/// <summary>
/// The grid and scale of the safe-depth experiment (<see cref="SafeDepthSearch"/>; the CLI's <c>safe-depth</c>) when none are
/// given: Lu, Su &amp; Karniadakis 2019, Fig. 6B — the largest depth whose collapse probability stays below p, beside their
/// Eq. (5). The values of p and the widest width are those of the paper's Fig. 6B table (widths 2..16, p = 1% and 10%); the
/// default widths and the trial count are ours.
/// </summary>
public static class SafeDepthDefaults
{
    /// <summary>Hidden widths, 2..10 (ours).</summary>
    public static IReadOnlyList<int> Widths { get; } = [.. Enumerable.Range(2, 9)];

    /// <summary>The widest width of the table of Lu, Su &amp; Karniadakis 2019, Fig. 6B, and the widest the experiment accepts.</summary>
    public const int MaxWidth = 16;

    /// <summary>The collapse probabilities not to exceed, 1% and 10% (Lu, Su &amp; Karniadakis 2019, Fig. 6B).</summary>
    public static IReadOnlyList<double> Probabilities { get; } = [0.01, 0.1];

    /// <summary>Networks per width (ours).</summary>
    public const long Trials = 200_000;
}
