namespace ReluKernels.Experiments.Training;

/// <summary>
/// The settings of an <see cref="InitComparisonExperiment"/> run (the CLI's <c>init-compare</c>) when none are given; the
/// per-task settings (width, optimiser, default and paper-scale epochs) are on <see cref="InitComparisonTask"/>.
/// </summary>
public static class InitComparisonDefaults
{
    /// <summary>
    /// Trainings per initialisation and task: Shin &amp; Karniadakis 2020's 10 independent simulations of Fig. 6 (the paper's);
    /// Fig. 3 shows one curve per initialisation, and averaging 10 there too is ours.
    /// </summary>
    public const int RunsPerInitialization = 10;

    /// <summary>What paper scale means, for help texts: Fig. 3's epochs are the paper's, Fig. 6's are ours.</summary>
    public const string PaperScaleNote =
        "15,000 epochs for two-sines (Shin & Karniadakis 2020, §4) and 10,000 for f3/f4 (not stated in the paper)";
}
