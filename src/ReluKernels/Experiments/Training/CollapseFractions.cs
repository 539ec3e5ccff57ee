using ReluKernels.Statistics;

namespace ReluKernels.Experiments.Training;

/// <summary>The outcome fractions of a <see cref="CollapseTrainingReport"/>, each with its Wilson 95% interval.</summary>
public sealed record CollapseFractions
{
    /// <summary>Collapsed / runs.</summary>
    public required WilsonInterval Collapsed { get; init; }
    /// <summary>Collapsed to the mean / runs.</summary>
    public required WilsonInterval CollapsedToMean { get; init; }
    /// <summary>Collapsed to a median / runs.</summary>
    public required WilsonInterval CollapsedToMedian { get; init; }
    /// <summary>Partially collapsed / runs.</summary>
    public required WilsonInterval PartiallyCollapsed { get; init; }
    /// <summary>Successful / runs.</summary>
    public required WilsonInterval Successful { get; init; }
    /// <summary>Failed / runs.</summary>
    public required WilsonInterval Failed { get; init; }
    /// <summary>Diverged / runs.</summary>
    public required WilsonInterval Diverged { get; init; }
    /// <summary>Collapsed at initialisation / runs.</summary>
    public required WilsonInterval CollapsedAtInit { get; init; }
    /// <summary>Collapsed to the mean / collapsed.</summary>
    public required WilsonInterval MeanAmongCollapsed { get; init; }
    /// <summary>Collapsed to a median / collapsed.</summary>
    public required WilsonInterval MedianAmongCollapsed { get; init; }
}
