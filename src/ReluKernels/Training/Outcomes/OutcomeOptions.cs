namespace ReluKernels.Training.Outcomes;

/// <summary>Thresholds of <see cref="OutcomeClassifier"/>. Every value is validated when set.</summary>
public sealed record OutcomeOptions
{
    /// <summary>
    /// A run is successful when its test error — the mean squared error on the evaluation set — is below this;
    /// 1e-2 by default (Shin &amp; Karniadakis 2020, §5.1: "a success if the test error is less than 10⁻²").
    /// </summary>
    public double SuccessThreshold
    {
        get;
        init => field = value > 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(SuccessThreshold), value, "The success threshold must be positive and finite.");
    } = 1e-2;

    /// <summary>
    /// A collapsed network's constant c counts as the mean when |c − mean| ≤ tol, and as a median when it lies within tol
    /// of the median interval (<see cref="TargetStatistics"/>), with tol = <see cref="ConstantTolerance"/> × the targets'
    /// standard deviation, per output. 0.01 by default: 1% of the target's spread, well above the jitter of a converged
    /// bias under Adam or SGD at the papers' learning rates (≤ 1e-3), and small enough to tell mean from median for
    /// x·sin(5x) and 1{x&gt;0} + 0.2 sin(5x) (for |x| on a symmetric interval they coincide in the limit).
    /// </summary>
    public double ConstantTolerance
    {
        get;
        init => field = value >= 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(ConstantTolerance), value, "The constant tolerance must be non-negative and finite.");
    } = 0.01;

    /// <summary>
    /// Points per axis of the grid used for inputs of dimension d &gt; 2 (the sampling estimate; d = 2 is analysed exactly);
    /// 0 (the default) picks the largest n with n^d ≤ 101² (at least 2), i.e. 21 per axis for d = 3.
    /// </summary>
    public int GridPointsPerAxis
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(GridPointsPerAxis));
            ArgumentOutOfRangeException.ThrowIfEqual(value, 1, nameof(GridPointsPerAxis));
            field = value;
        }
    }
}
