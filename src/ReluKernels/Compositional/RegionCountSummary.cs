using ReluKernels.Experiments.Training;

namespace ReluKernels.Compositional;

/// <summary>Output region counts of a sample of random networks (<see cref="RegionCountSurvey.Run"/>, <see cref="RegionCountSurvey.Summarise"/>).</summary>
/// <param name="Architecture">The shape of every network.</param>
/// <param name="Initializer">How they were drawn.</param>
/// <param name="Counts">One count per network, in draw order.</param>
public sealed record RegionCountSummary(NetworkArchitecture Architecture, string Initializer, IReadOnlyList<int> Counts)
{
    /// <summary>Mean count.</summary>
    public double Mean => Counts.Average();

    /// <summary>Min, quartiles, median and max of the counts.</summary>
    public Quantiles Quantiles => Quantiles.Of(Counts.Select(c => (double)c))!;

    /// <summary>Fraction of networks whose output is a single affine piece (collapsed to a line or a constant).</summary>
    public double SingleRegionFraction => Counts.Count(c => c == 1) / (double)Counts.Count;

    /// <summary>The compositional construction's count at this depth, 2^depth.</summary>
    public long ConstructionCount => 1L << Architecture.Depth;
}
