namespace ReluKernels.Training.Outcomes;

/// <summary>What a trained network turned out to be (see <see cref="OutcomeClassifier"/> for the order of the tests).</summary>
public enum OutcomeKind
{
    /// <summary>The loss or a parameter became NaN or infinite.</summary>
    Diverged = 0,

    /// <summary>The network is constant on Ω (Lu et al. 2019: it collapsed to the mean or the median).</summary>
    Collapsed = 1,

    /// <summary>Not successful, and constant on a part of Ω of positive measure (Lu et al. 2019, Theorem 6: a "piecewise mean").</summary>
    PartiallyCollapsed = 2,

    /// <summary>The test error is below <see cref="OutcomeOptions.SuccessThreshold"/>.</summary>
    Successful = 3,

    /// <summary>None of the above: not constant anywhere, but not accurate either.</summary>
    Failed = 4,
}
