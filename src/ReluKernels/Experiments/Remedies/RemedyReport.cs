namespace ReluKernels.Experiments.Remedies;

/// <summary>
/// The summary of a <see cref="RemedyExperiment"/> (Lu, Su &amp; Karniadakis 2019, §5): per remedy, how many trained networks
/// collapsed, partially collapsed, succeeded, failed or diverged. Property names are the JSON field names (camelCase).
/// </summary>
public sealed record RemedyReport
{
    /// <summary>The problem's command-line name, e.g. "abs".</summary>
    public required string Target { get; init; }
    /// <summary>The target's formula.</summary>
    public required string Formula { get; init; }
    /// <summary>The plain network every remedy starts from.</summary>
    public required string Architecture { get; init; }
    /// <summary>The optimiser and its hyper-parameters (the same for every remedy).</summary>
    public required string Optimizer { get; init; }
    /// <summary>Samples per mini-batch (0 = full batch).</summary>
    public required int BatchSize { get; init; }
    /// <summary>Epochs per training.</summary>
    public required int Epochs { get; init; }
    /// <summary>The seed of the runs' streams and of the data sets.</summary>
    public required ulong Seed { get; init; }
    /// <summary>The dropout rate of the dropout remedy.</summary>
    public required double DropoutRate { get; init; }
    /// <summary>The training set: target, domain, sampling.</summary>
    public required string TrainingSet { get; init; }
    /// <summary>How outcomes were decided.</summary>
    public required string Classification { get; init; }
    /// <summary>Collapsed when every output's range on Ω is at most this many target standard deviations.</summary>
    public required double ConstantTolerance { get; init; }
    /// <summary>Successful when the test MSE is below this.</summary>
    public required double SuccessThreshold { get; init; }
    /// <summary>Partially collapsed when not successful and flat on at least this fraction of Ω.</summary>
    public required double PartialFlatFraction { get; init; }
    /// <summary>One row per remedy, in the order run.</summary>
    public required IReadOnlyList<RemedySummary> Remedies { get; init; }
    /// <summary>Every training, remedy by remedy, each in run order.</summary>
    public required IReadOnlyList<RemedyRunRow> Trainings { get; init; }
}
