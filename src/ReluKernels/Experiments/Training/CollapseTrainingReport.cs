using MathNet.Numerics.Statistics;
using ReluKernels.Statistics;
using ReluKernels.Training;
using ReluKernels.Training.Outcomes;

namespace ReluKernels.Experiments.Training;

/// <summary>
/// The summary of a <see cref="CollapseTrainingExperiment"/> (Lu et al. 2019, Sec. 2, Figs. 1–5): how many of the trained deep
/// narrow networks collapsed to a constant, whether that constant is the targets' mean or median, and the other outcomes,
/// each with a Wilson 95% interval. Property names are the JSON field names (camelCase).
/// </summary>
public sealed record CollapseTrainingReport
{
    /// <summary>The problem's command-line name, e.g. "abs".</summary>
    public required string Target { get; init; }
    /// <summary>The target's formula.</summary>
    public required string Formula { get; init; }
    /// <summary>The loss the networks were trained with.</summary>
    public required LossFunction Loss { get; init; }
    /// <summary>The network shape.</summary>
    public required string Architecture { get; init; }
    /// <summary>Which kernel trained it (generated or generic, and the ISA path).</summary>
    public required string Kernel { get; init; }
    /// <summary>The initialisation.</summary>
    public required string Initializer { get; init; }
    /// <summary>The optimiser and its hyper-parameters.</summary>
    public required string Optimizer { get; init; }
    /// <summary>Samples per mini-batch (0 = full batch).</summary>
    public required int BatchSize { get; init; }
    /// <summary>Epochs per training.</summary>
    public required int Epochs { get; init; }
    /// <summary>The neuron-balance hook (<see cref="TrainingOptions.Balance"/>): "none", the projection, or the penalty with its weight.</summary>
    public required string Balance { get; init; }
    /// <summary>The seed of the runs' streams and of the data sets.</summary>
    public required ulong Seed { get; init; }
    /// <summary>The training set: target, domain, sampling.</summary>
    public required string TrainingSet { get; init; }
    /// <summary>Where the settings come from and which ones are ours.</summary>
    public required string Source { get; init; }
    /// <summary>How constancy was decided (exact piecewise-linear for 1-D input; a grid estimate otherwise).</summary>
    public required string Classification { get; init; }
    /// <summary>Whether <see cref="Classification"/> is exact.</summary>
    public required bool Exact { get; init; }
    /// <summary>A collapsed constant counts as the mean (median) when within this many target standard deviations of it.</summary>
    public required double ConstantTolerance { get; init; }

    /// <summary>Trainings run.</summary>
    public required int Runs { get; init; }
    /// <summary>Trained networks constant on Ω.</summary>
    public required int Collapsed { get; init; }
    /// <summary>Collapsed to the training targets' mean (every output within the tolerance).</summary>
    public required int CollapsedToMean { get; init; }
    /// <summary>Collapsed to a median of the training targets.</summary>
    public required int CollapsedToMedian { get; init; }
    /// <summary>Not successful and constant on a part of Ω (Lu et al.'s "partial mean").</summary>
    public required int PartiallyCollapsed { get; init; }
    /// <summary>Test error below the success threshold.</summary>
    public required int Successful { get; init; }
    /// <summary>None of the above.</summary>
    public required int Failed { get; init; }
    /// <summary>The loss or a parameter became NaN or infinite.</summary>
    public required int Diverged { get; init; }
    /// <summary>Networks already constant on Ω at initialisation (born dead).</summary>
    public required int CollapsedAtInit { get; init; }
    /// <summary>Runs in which the hidden layers' gradients were exactly zero for a whole epoch (Lu et al. 2019, Lemma 3).</summary>
    public required int GradientVanished { get; init; }

    /// <summary>Mean over the runs of the hidden neurons constant on Ω after training.</summary>
    public required double MeanDeadHiddenNeurons { get; init; }
    /// <summary>Standard error of <see cref="MeanDeadHiddenNeurons"/> (sample standard deviation / √runs; 0 for one run).</summary>
    public required double DeadHiddenNeuronsStandardError { get; init; }
    /// <summary>The final training losses of the runs whose loss is finite (null when none is).</summary>
    public required Quantiles? FinalLoss { get; init; }

    /// <summary>Each count above as a fraction of <see cref="Runs"/> with its Wilson 95% interval, plus mean and median among the collapsed.</summary>
    public required CollapseFractions Fractions { get; init; }

    /// <summary>Mean of the training targets, per output.</summary>
    public required IReadOnlyList<double> TargetMean { get; init; }
    /// <summary>Lower end of the training targets' median interval, per output.</summary>
    public required IReadOnlyList<double> TargetMedianLow { get; init; }
    /// <summary>Upper end of the median interval (equal to the lower end for an odd number of targets).</summary>
    public required IReadOnlyList<double> TargetMedianHigh { get; init; }
    /// <summary>Population standard deviation of the training targets, per output.</summary>
    public required IReadOnlyList<double> TargetStandardDeviation { get; init; }

    /// <summary>The collapsed networks' constants, per output (null entries when none collapsed).</summary>
    public required IReadOnlyList<Quantiles?> Constants { get; init; }
    /// <summary>The collapsed networks' distances to the mean, in target standard deviations.</summary>
    public required Quantiles? DistanceToMean { get; init; }
    /// <summary>The collapsed networks' distances to the median interval, in target standard deviations.</summary>
    public required Quantiles? DistanceToMedian { get; init; }

    /// <summary>Every training, in run order.</summary>
    public required IReadOnlyList<CollapseTrainingRow> Trainings { get; init; }

    /// <summary>Builds the report from the trainings and the classification of their initial networks.</summary>
    /// <param name="setup">What was run.</param>
    /// <param name="kernel">The kernel's description.</param>
    /// <param name="runs">The trainings, classified.</param>
    /// <param name="collapsedAtInit">Per run, whether the initial network was constant on Ω.</param>
    /// <param name="classifier">The classifier that judged the runs (for the target statistics).</param>
    /// <param name="trainingSet">The training set's description.</param>
    public static CollapseTrainingReport From(CollapseTrainingSetup setup, string kernel, IReadOnlyList<TrainingRun<float>> runs,
        IReadOnlyList<bool> collapsedAtInit, OutcomeClassifier classifier, string trainingSet)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(collapsedAtInit);
        ArgumentNullException.ThrowIfNull(classifier);
        var rows = runs.Select(r => Row(r, collapsedAtInit[r.Index])).ToArray();
        int n = rows.Length;
        int Count(Func<CollapseTrainingRow, bool> p) => rows.Count(p);
        int collapsed = Count(r => r.Outcome == OutcomeKind.Collapsed);
        int toMean = Count(r => r.IsMean), toMedian = Count(r => r.IsMedian);
        var c = rows.Where(r => r.Outcome == OutcomeKind.Collapsed).ToArray();
        var stats = classifier.Statistics;
        var first = runs.Count > 0 ? runs[0].Outcome : null;
        return new CollapseTrainingReport
        {
            Target = setup.Problem.Name,
            Formula = setup.Problem.Target.Name,
            Loss = setup.Training.Loss,
            Architecture = setup.Architecture.ToString(),
            Kernel = kernel,
            Initializer = CollapseTrainingExperiment.InitializerDescription,
            Optimizer = setup.Training.Optimizer.ToString(),
            BatchSize = setup.Training.BatchSize,
            Epochs = setup.Training.MaxEpochs,
            Balance = BalanceDescription(setup.Training),
            Seed = setup.Parallel.Seed,
            TrainingSet = trainingSet,
            Source = setup.Problem.Source,
            Classification = first?.Method ?? "",
            Exact = first?.IsExact ?? true,
            ConstantTolerance = classifier.Options.ConstantTolerance,
            Runs = n,
            Collapsed = collapsed,
            CollapsedToMean = toMean,
            CollapsedToMedian = toMedian,
            PartiallyCollapsed = Count(r => r.Outcome == OutcomeKind.PartiallyCollapsed),
            Successful = Count(r => r.Outcome == OutcomeKind.Successful),
            Failed = Count(r => r.Outcome == OutcomeKind.Failed),
            Diverged = Count(r => r.Outcome == OutcomeKind.Diverged),
            CollapsedAtInit = Count(r => r.CollapsedAtInit),
            GradientVanished = Count(r => r.GradientVanishedEpoch > 0),
            MeanDeadHiddenNeurons = n == 0 ? 0 : rows.Average(r => r.DeadHiddenNeurons),
            DeadHiddenNeuronsStandardError = n < 2 ? 0 : rows.Select(r => (double)r.DeadHiddenNeurons).StandardDeviation() / Math.Sqrt(n),
            FinalLoss = Quantiles.Of(rows.Where(r => r.FinalLoss is not null).Select(r => r.FinalLoss!.Value)),
            Fractions = new CollapseFractions
            {
                Collapsed = WilsonInterval.Of(collapsed, n),
                CollapsedToMean = WilsonInterval.Of(toMean, n),
                CollapsedToMedian = WilsonInterval.Of(toMedian, n),
                PartiallyCollapsed = WilsonInterval.Of(Count(r => r.Outcome == OutcomeKind.PartiallyCollapsed), n),
                Successful = WilsonInterval.Of(Count(r => r.Outcome == OutcomeKind.Successful), n),
                Failed = WilsonInterval.Of(Count(r => r.Outcome == OutcomeKind.Failed), n),
                Diverged = WilsonInterval.Of(Count(r => r.Outcome == OutcomeKind.Diverged), n),
                CollapsedAtInit = WilsonInterval.Of(Count(r => r.CollapsedAtInit), n),
                MeanAmongCollapsed = WilsonInterval.Of(toMean, collapsed),
                MedianAmongCollapsed = WilsonInterval.Of(toMedian, collapsed),
            },
            TargetMean = stats.Mean,
            TargetMedianLow = stats.MedianLow,
            TargetMedianHigh = stats.MedianHigh,
            TargetStandardDeviation = stats.StandardDeviation,
            Constants = [.. Enumerable.Range(0, stats.Mean.Count).Select(o => Quantiles.Of(c.Select(r => r.Constant[o])))],
            DistanceToMean = Quantiles.Of(c.Select(r => r.DistanceToMean ?? double.PositiveInfinity)),
            DistanceToMedian = Quantiles.Of(c.Select(r => r.DistanceToMedian ?? double.PositiveInfinity)),
            Trainings = rows,
        };
    }

    /// <summary>How a report names the balance hook of <paramref name="training"/>, and the redundancy penalty when it is on.</summary>
    public static string BalanceDescription(TrainingOptions training)
    {
        ArgumentNullException.ThrowIfNull(training);
        string balance = training.Balance switch
        {
            BalanceMode.Projection => "projection: every hidden neuron rebalanced to ‖c_i‖₂ = ‖a_i‖₂ after every step",
            BalanceMode.Penalty => $"penalty {training.BalanceWeight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} · Σ_i (‖c_i‖² − ‖a_i‖²)²",
            _ => "none",
        };
        // The redundancy penalty is independent of the balance mode; named only when on, so plain reports read as before.
        return training.RedundancyWeight > 0
            ? $"{balance}; redundancy penalty {training.RedundancyWeight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} · Σ_{{i<j}} max(0, cos(a_i, a_j))²"
            : balance;
    }

    private static CollapseTrainingRow Row(TrainingRun<float> run, bool collapsedAtInit)
    {
        var o = run.Outcome ?? throw new ArgumentException($"Run {run.Index} was not classified.", nameof(run));
        return new CollapseTrainingRow(run.Index, o.Kind, collapsedAtInit, o.IsMean, o.IsMedian, o.Constant, Finite(o.DistanceToMean),
            Finite(o.DistanceToMedian), Finite(o.FlatFraction), Finite(run.Result.FinalLoss), Finite(o.TestError), run.Result.Status, run.Result.Epochs,
            run.Result.GradientVanishedEpoch, o.FirstDeadLayer, o.DeadHiddenNeurons);
    }

    /// <summary>JSON has no NaN or infinity: a value that is not finite becomes null.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
