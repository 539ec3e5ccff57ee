namespace ReluKernels.Experiments.Compositional;

/// <summary>One method on one target: a cell pair of Milkert, Hyde &amp; Laine (2023), Tables 1–2. Property names are the JSON field names (camelCase).</summary>
public sealed record CompositionalRow
{
    /// <summary>The target's name.</summary>
    public required string Target { get; init; }
    /// <summary>The method.</summary>
    public required CompositionalMethod Method { get; init; }
    /// <summary>Models trained.</summary>
    public required int Models { get; init; }
    /// <summary>Models whose training diverged (a NaN or infinite MSE).</summary>
    public required int Diverged { get; init; }
    /// <summary>Smallest final MSE, or null when it is not finite.</summary>
    public required double? MinMse { get; init; }
    /// <summary>Mean final MSE, or null when it is not finite (a model diverged).</summary>
    public required double? MeanMse { get; init; }
    /// <summary>Median final MSE, or null when it is not finite.</summary>
    public required double? MedianMse { get; init; }
    /// <summary>Models whose output was a single affine piece on [0, 1] at the start (collapsed: a line or a constant).</summary>
    public required int OneRegionAtStart { get; init; }
    /// <summary>Models whose output is a single affine piece after training.</summary>
    public required int OneRegionAfterTraining { get; init; }
    /// <summary>Mean linear regions on [0, 1] after training (2^depth for the construction).</summary>
    public required double MeanRegionsAfterTraining { get; init; }

    /// <summary>Fraction of models collapsed to one region at the start.</summary>
    public double CollapsedAtStartFraction => OneRegionAtStart / (double)Models;
}
