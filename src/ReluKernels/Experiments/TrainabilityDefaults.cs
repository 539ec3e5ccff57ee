namespace ReluKernels.Experiments;

/// <summary>
/// The setting of the shallow trainability experiment (the CLI's <c>trainability</c>: Shin &amp; Karniadakis 2020, Theorem 3,
/// Lemma 11 and Theorem 6) when none is given: a first layer with random biases on B_1(0) ⊂ ℝ¹, m = 2 required active
/// neurons (the paper's f₁ = |x|), widths from m to 500 and δ = 0.05 in Theorem 6's condition (4). The widths, δ and the
/// trial count are ours.
/// </summary>
public static class TrainabilityDefaults
{
    /// <summary>Input dimension d.</summary>
    public const int InputDim = 1;

    /// <summary>Radius r of the input domain B_r(0).</summary>
    public const double Radius = 1;

    /// <summary>Active neurons m the task needs (2, as f₁ = |x| of Shin &amp; Karniadakis 2020, §5.1).</summary>
    public const int Required = 2;

    /// <summary>Hidden widths n (ours): 2..10, then 20, 50, 100, 200, 500.</summary>
    public static IReadOnlyList<int> Widths { get; } = [.. Enumerable.Range(2, 9), 20, 50, 100, 200, 500];

    /// <summary>δ of Theorem 6's condition (4) (ours).</summary>
    public const double Delta = 0.05;

    /// <summary>Networks per width (ours).</summary>
    public const long Trials = 100_000;

    /// <summary>
    /// Networks per Monte-Carlo block (ours): a quarter of <see cref="MonteCarlo.MonteCarloOptions.DefaultBlockSize"/>, so
    /// the default trial count still splits into enough blocks to share out between threads.
    /// </summary>
    public const int BlockSize = 4096;
}
