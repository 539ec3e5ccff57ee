using ReluKernels.Statistics;

namespace ReluKernels.Experiments.Remedies;

/// <summary>One remedy's row of a <see cref="RemedyReport"/>: outcome counts over its runs, each fraction with a Wilson 95% interval over all runs.</summary>
public sealed record RemedySummary
{
    /// <summary>The remedy's command-line name.</summary>
    public required string Remedy { get; init; }
    /// <summary>The network with its layers, e.g. <c>1→[2×9]→1 ReLU [BN]</c>.</summary>
    public required string Network { get; init; }
    /// <summary>The initialisation.</summary>
    public required string Initializer { get; init; }
    /// <summary>Which kernel trained it.</summary>
    public required string Kernel { get; init; }
    /// <summary>What the papers claim for this remedy.</summary>
    public required string Claim { get; init; }
    /// <summary>Trainings run.</summary>
    public required int Runs { get; init; }
    /// <summary>Collapsed runs / runs.</summary>
    public required WilsonInterval Collapsed { get; init; }
    /// <summary>Partially collapsed runs / runs.</summary>
    public required WilsonInterval PartiallyCollapsed { get; init; }
    /// <summary>Successful runs / runs.</summary>
    public required WilsonInterval Successful { get; init; }
    /// <summary>Failed runs / runs.</summary>
    public required WilsonInterval Failed { get; init; }
    /// <summary>Diverged runs / runs (counted apart: they have no function to classify).</summary>
    public required WilsonInterval Diverged { get; init; }
    /// <summary>Runs whose initial network was already collapsed / runs.</summary>
    public required WilsonInterval CollapsedAtInit { get; init; }
    /// <summary>The median test error of the runs that did not diverge, or null when all diverged.</summary>
    public required double? MedianTestError { get; init; }
}
