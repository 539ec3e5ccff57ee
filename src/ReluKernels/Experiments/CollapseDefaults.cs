namespace ReluKernels.Experiments;

/// <summary>
/// The grid and scale of the born-dead (collapse) experiment (the CLI's <c>collapse</c>, its default command) when none are
/// given: the setting of Lu, Su &amp; Karniadakis 2019, Fig. 6A over widths 2, 3, 4, 5, 10 and depths 1..20.
/// </summary>
/// <remarks>
/// The network setting (input dimension 1, He-normal weights, no biases, every layer ReLU) is the paper's; the grid, the
/// probe x = 1 on Ω = [−1, 1] and the trial count (about a minute on 2 cores) are ours.
/// </remarks>
public static class CollapseDefaults
{
    /// <summary>Hidden widths (ours).</summary>
    public static IReadOnlyList<int> Widths { get; } = [2, 3, 4, 5, 10];

    /// <summary>Depths, hidden ReLU layers, 1..20 (ours).</summary>
    public static IReadOnlyList<int> Depths { get; } = [.. Enumerable.Range(1, 20)];

    /// <summary>Networks per width (ours); every depth of a width is read off the same networks.</summary>
    public const long Trials = 80_000_000;

    /// <summary>σ_b of N(0, σ_b²) biases: 0, no biases (the setting of Lu, Su &amp; Karniadakis 2019, Theorem 8).</summary>
    public const double BiasStd = 0;

    /// <summary>r of Ω = [−r, r] (ours).</summary>
    public const double Radius = 1;

    /// <summary>The input x at which the per-input zero probability is measured (ours).</summary>
    public const double Probe = 1;
}
