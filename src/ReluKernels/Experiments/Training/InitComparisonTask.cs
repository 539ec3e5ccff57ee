using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Experiments.Training;

/// <summary>One task of Shin &amp; Karniadakis's initialisation comparison: a problem, a shallow width and the optimiser the paper used (full batch).</summary>
/// <param name="Name">Command-line name, e.g. "two-sines".</param>
/// <param name="Problem">Target, domain and training points.</param>
/// <param name="Width">Hidden width of the shallow network.</param>
/// <param name="Optimizer">The paper's optimiser for this task.</param>
/// <param name="PaperEpochs">Epochs at paper scale.</param>
/// <param name="DefaultEpochs">Epochs of a default run (minutes on 2 cores).</param>
/// <param name="Figure">Which figure of Shin &amp; Karniadakis (2020) the task reproduces.</param>
/// <param name="Source">The paper's settings, and which are ours.</param>
public sealed record InitComparisonTask(string Name, TargetProblem Problem, int Width, OptimizerSettings Optimizer, int PaperEpochs,
    int DefaultEpochs, string Figure, string Source)
{
    /// <summary>The shallow network d → [Width] → 1 with biases.</summary>
    public NetworkArchitecture Architecture => new(Width, 1, Problem.Target.InputDim, Problem.Target.OutputDim);

    /// <summary>
    /// Shin &amp; Karniadakis 2020, §4 (Figs. 2–3): sin(4πx) + sin(6πx) on 100 equidistant points of [−1, 1], width 500, Adam with its defaults,
    /// full batch, 15,000 epochs.
    /// </summary>
    public static InitComparisonTask TwoSines { get; } = new("two-sines", Problems.TwoSines, 500, new AdamSettings(), 15_000, 3_000,
        "Shin & Karniadakis 2020, Fig. 3", "Shin & Karniadakis 2020, §4: width 500, 100 equidistant points, Adam (defaults), full batch, 15,000 epochs (all stated)");

    /// <summary>Shin &amp; Karniadakis 2020, §5.2 (Fig. 6 left): f₃ on 25 uniform points of [−1, 1]², width 100, gradient descent with momentum 0.9, lr 0.005.</summary>
    public static InitComparisonTask F3 { get; } = new("f3", Problems.F3, 100, new SgdSettings(0.005, 0.9), 10_000, 5_000,
        "Shin & Karniadakis 2020, Fig. 6 (left)", Fig6Source);

    /// <summary>Shin &amp; Karniadakis 2020, §5.2 (Fig. 6 right): f₄, otherwise as <see cref="F3"/>.</summary>
    public static InitComparisonTask F4 { get; } = new("f4", Problems.F4, 100, new SgdSettings(0.005, 0.9), 10_000, 5_000,
        "Shin & Karniadakis 2020, Fig. 6 (right)", Fig6Source);

    /// <summary>Every task, in the paper's order.</summary>
    public static IReadOnlyList<InitComparisonTask> All { get; } = [TwoSines, F3, F4];

    private const string Fig6Source = "Shin & Karniadakis 2020, §5.2: width 100, 25 uniform points of [−1, 1]², gradient descent (full batch) with momentum 0.9 "
        + "and lr 0.005, 10 runs (stated); the number of epochs is not in the text: 10,000 at paper scale is our choice";
}
