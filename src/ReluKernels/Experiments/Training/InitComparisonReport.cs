using MathNet.Numerics.Statistics;
using ReluKernels.Training;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Experiments.Training;

/// <summary>
/// One initialisation on one task of an <see cref="InitComparisonExperiment"/>: the training RMSE curve (mean ± sample
/// standard deviation over the runs, as Shin &amp; Karniadakis 2020, Figs. 3 and 6), the final RMSE and the dead hidden neurons before and after
/// training. Property names are the JSON field names (camelCase).
/// </summary>
public sealed record InitComparisonReport
{
    /// <summary>The task's name.</summary>
    public required string Task { get; init; }
    /// <summary>The figure the task reproduces.</summary>
    public required string Figure { get; init; }
    /// <summary>The paper's settings for the task, and which are ours.</summary>
    public required string Source { get; init; }
    /// <summary>he-with-bias, he-without-bias or data-dependent.</summary>
    public required string Initializer { get; init; }
    /// <summary>The initialiser with its variances.</summary>
    public required string InitializerDetails { get; init; }
    /// <summary>The network shape.</summary>
    public required string Architecture { get; init; }
    /// <summary>The optimiser (full batch).</summary>
    public required string Optimizer { get; init; }
    /// <summary>Epochs per training.</summary>
    public required int Epochs { get; init; }
    /// <summary>Trainings (seeds) per initialisation.</summary>
    public required int Runs { get; init; }
    /// <summary>Trainings that diverged (left out of the curves and the RMSE statistics).</summary>
    public required int Diverged { get; init; }
    /// <summary>How dead neurons were counted: exact on Ω for 1-D input (piecewise-linear) and 2-D input (exact polygons), a grid estimate otherwise.</summary>
    public required string DeadNeuronMethod { get; init; }
    /// <summary>Whether <see cref="DeadNeuronMethod"/> is exact.</summary>
    public required bool DeadNeuronsExact { get; init; }
    /// <summary>Mean dead hidden neurons of the initial networks.</summary>
    public required double MeanDeadAtInit { get; init; }
    /// <summary>Mean dead hidden neurons of the trained networks (null when every run diverged).</summary>
    public required double? MeanDeadAfterTraining { get; init; }
    /// <summary>Dead hidden neurons of each trained network, in run order (−1 for a diverged run).</summary>
    public required IReadOnlyList<int> DeadAfterTraining { get; init; }
    /// <summary>Training RMSE after the last update, per run (null for a diverged run).</summary>
    public required IReadOnlyList<double?> FinalRmse { get; init; }
    /// <summary>Mean of <see cref="FinalRmse"/> (null when every run diverged).</summary>
    public required double? FinalRmseMean { get; init; }
    /// <summary>Sample standard deviation of <see cref="FinalRmse"/> (0 for one run; null when every run diverged).</summary>
    public required double? FinalRmseSd { get; init; }
    /// <summary>The recorded epochs of the curve.</summary>
    public required IReadOnlyList<int> CurveEpochs { get; init; }
    /// <summary>Mean training RMSE at the start of each recorded epoch.</summary>
    public required IReadOnlyList<double> CurveMean { get; init; }
    /// <summary>Sample standard deviation of the RMSE at each recorded epoch.</summary>
    public required IReadOnlyList<double> CurveSd { get; init; }

    /// <summary>The mean training RMSE at the last recorded epoch ≤ <paramref name="epoch"/> (null before the first record).</summary>
    public double? MeanRmseAt(int epoch)
    {
        int i = CurveEpochs.Count(e => e <= epoch) - 1;
        return i < 0 ? null : CurveMean[i];
    }

    /// <summary>Builds the report of one initialisation.</summary>
    /// <param name="task">The task.</param>
    /// <param name="initializer">Its report name.</param>
    /// <param name="details">Its description.</param>
    /// <param name="options">How the networks were trained.</param>
    /// <param name="runs">The trainings, classified, with loss histories.</param>
    /// <param name="deadAtInit">Dead hidden neurons of each initial network.</param>
    public static InitComparisonReport From(InitComparisonTask task, string initializer, string details, TrainingOptions options,
        IReadOnlyList<TrainingRun<float>> runs, IReadOnlyList<int> deadAtInit)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(deadAtInit);
        var outcomes = runs.Select(r => r.Outcome ?? throw new ArgumentException($"Run {r.Index} was not classified.", nameof(runs))).ToArray();
        var kept = runs.Where(r => !r.Result.Diverged && r.History is not null).ToArray();
        var finals = runs.Select(r => r.Result.Diverged ? (double?)null : Math.Sqrt(r.Result.FinalLoss)).ToArray();
        var finite = finals.OfType<double>().ToArray();
        int points = kept.Length == 0 ? 0 : kept.Min(r => r.History!.Count);
        int[] epochs = points == 0 ? [] : kept[0].History!.Epochs[..points].ToArray();
        var mean = new double[points];
        var sd = new double[points];
        for (int i = 0; i < points; i++)
        {
            var values = kept.Select(r => Math.Sqrt(r.History!.Losses[i])).ToArray();
            mean[i] = values.Mean();
            sd[i] = values.Length > 1 ? values.StandardDeviation() : 0;
        }
        var deadAfter = outcomes.Select(o => o.Kind == OutcomeKind.Diverged ? -1 : o.DeadHiddenNeurons).ToArray();
        var deadKept = deadAfter.Where(x => x >= 0).Select(x => (double)x).ToArray();
        var analysed = outcomes.FirstOrDefault(o => o.Kind != OutcomeKind.Diverged);
        return new InitComparisonReport
        {
            Task = task.Name,
            Figure = task.Figure,
            Source = task.Source,
            Initializer = initializer,
            InitializerDetails = details,
            Architecture = task.Architecture.ToString(),
            Optimizer = options.Optimizer.ToString(),
            Epochs = options.MaxEpochs,
            Runs = runs.Count,
            Diverged = runs.Count(r => r.Result.Diverged),
            DeadNeuronMethod = analysed?.Method ?? "",
            DeadNeuronsExact = analysed?.IsExact ?? true,
            MeanDeadAtInit = deadAtInit.Average(x => (double)x),
            MeanDeadAfterTraining = deadKept.Length > 0 ? deadKept.Average() : null,
            DeadAfterTraining = deadAfter,
            FinalRmse = finals,
            FinalRmseMean = finite.Length > 0 ? finite.Mean() : null,
            FinalRmseSd = finite.Length > 1 ? finite.StandardDeviation() : finite.Length == 1 ? 0 : null,
            CurveEpochs = epochs,
            CurveMean = mean,
            CurveSd = sd,
        };
    }
}
