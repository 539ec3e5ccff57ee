namespace ReluKernels.Experiments;

/// <summary>
/// The scale of the degeneracy experiment (the CLI's <c>degeneracy</c>) when none is given: the example families after
/// Berner, Elbrächter &amp; Grohs (2019), Examples 2.1–2.5, and the restricted-space ratio study. All values are ours;
/// the paper gives no experiment.
/// </summary>
public static class DegeneracyDefaults
{
    /// <summary>Members per family: n = 1 … 128 or ε = 10⁻¹ … 10⁻⁸ (ours).</summary>
    public const int Steps = 8;

    /// <summary>Hidden width m of the random (1, m, 1) pairs; their augmentations are (3, m + 1, 1) (ours).</summary>
    public const int Width = 4;

    /// <summary>Random pairs of the restricted-space study (ours).</summary>
    public const int Pairs = 1000;

    /// <summary>The augmentation's relative tolerance for positively parallel neurons (the diagnostics' default).</summary>
    public const double Tolerance = Degeneracy.DegeneracyDiagnostics.DefaultTolerance;
}
