namespace ReluKernels.Training.Outcomes;

/// <summary>The classification of one trained network by <see cref="OutcomeClassifier"/>.</summary>
/// <param name="Kind">The verdict.</param>
/// <param name="IsExact">
/// Whether constancy, flat pieces and dead neurons were decided exactly (1-D input: piecewise-linear propagation; 2-D
/// input: exact polygons) or estimated on a grid (d &gt; 2: a grid can show a network is not constant but never prove that it is).
/// </param>
/// <param name="Method">How it was decided, e.g. "piecewise-linear on Ω = [-1.5, 1.5] (exact)" or "exact polygons on Ω = [-1, 1]² (37 polygons)".</param>
/// <param name="TestError">Mean squared error on the evaluation set (in double); NaN when diverged.</param>
/// <param name="Constant">The constant output, per output, when <see cref="Kind"/> is <see cref="OutcomeKind.Collapsed"/>; else empty.</param>
/// <param name="IsMean">Collapsed, and every output's constant is within tolerance of the training targets' mean.</param>
/// <param name="IsMedian">Collapsed, and every output's constant is within tolerance of a median of the training targets.</param>
/// <param name="DistanceToMean">Collapsed: the largest |c − mean| over outputs, in units of the targets' standard deviation; else NaN.</param>
/// <param name="DistanceToMedian">Collapsed: the largest distance from c to the median interval, in standard deviations; else NaN.</param>
/// <param name="FlatFraction">
/// The part of Ω on which the network is constant: for 1-D input the total length of <see cref="FlatPieces"/> over 2r
/// (exact); for d = 2 the total area of the polygons on which the output is constant over (2r)² (exact); for d &gt; 2 the
/// fraction of grid cells whose corners all give the same output (an estimate).
/// </param>
/// <param name="FlatPieces">1-D input: the maximal intervals on which the network is constant (all of Ω when collapsed); empty for d &gt; 1.</param>
/// <param name="FirstDeadLayer">The first hidden layer identically zero on Ω (1-based), or 0.</param>
/// <param name="DeadHiddenNeurons">Hidden neurons constant on Ω, summed over the hidden layers.</param>
public sealed record TrainingOutcome(
    OutcomeKind Kind,
    bool IsExact,
    string Method,
    double TestError,
    IReadOnlyList<double> Constant,
    bool IsMean,
    bool IsMedian,
    double DistanceToMean,
    double DistanceToMedian,
    double FlatFraction,
    IReadOnlyList<FlatPiece> FlatPieces,
    int FirstDeadLayer,
    int DeadHiddenNeurons);
