namespace ReluKernels.MonteCarlo.Engines;

/// <summary>Which engine can run which experiment, and the fastest exact choice.</summary>
public static class CollapseEngines
{
    /// <summary>
    /// The fastest exact engine: with biases only piecewise-linear propagation is exact on all of Ω; without biases
    /// Gaussian weights use the function-space sampler (2·width − 1 generator words per layer and no normals, against the
    /// width² normals of weight space), other distributions the lazy weight-space engine.
    /// </summary>
    public static EngineKind Choose(CollapseExperiment experiment) =>
        experiment.HasBias ? EngineKind.PiecewiseLinear
        : experiment.Weights == WeightDistribution.HeNormal ? EngineKind.FunctionSpace
        : EngineKind.WeightSpace;

    /// <summary>Why <paramref name="kind"/> cannot run <paramref name="experiment"/>, or null if it can.</summary>
    public static string? Unsupported(EngineKind kind, CollapseExperiment experiment) => kind switch
    {
        EngineKind.Auto or EngineKind.PiecewiseLinear => null,
        EngineKind.FunctionSpace when experiment.HasBias =>
            "the function-space engine decides collapse from x = ±1, which is exact only without biases",
        EngineKind.FunctionSpace when experiment.Weights != WeightDistribution.HeNormal =>
            "the function-space engine needs Gaussian weights (he-normal)",
        EngineKind.WeightSpace when experiment.HasBias =>
            "the weight-space engine decides collapse from x = ±1, which is exact only without biases",
        EngineKind.FunctionSpace or EngineKind.WeightSpace => null,
        _ => $"unknown engine {kind}",
    };

    /// <summary>How <paramref name="kind"/> decides collapse, for reports (docs/definitions.md#exactness-of-detection: every estimate says which method it used).</summary>
    public static string Detection(EngineKind kind, CollapseExperiment experiment) =>
        (kind == EngineKind.Auto ? Choose(experiment) : kind) == EngineKind.PiecewiseLinear
            ? $"exact: piecewise-linear on [-{experiment.Radius}, {experiment.Radius}]"
            : "exact: homogeneity (x = ±1)";

    /// <summary>
    /// Which code <see cref="Create"/> runs for <paramref name="kind"/>, for reports: "generated stepper CollapseWidth5"
    /// for the weight-space engine at widths 2..16 (source-generated, width unrolled), else "hand-written" and the engine.
    /// </summary>
    public static string Code(EngineKind kind, CollapseExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return (kind == EngineKind.Auto ? Choose(experiment) : kind) switch
        {
            EngineKind.FunctionSpace => "hand-written function space",
            EngineKind.WeightSpace => WeightSpaceShapes.Code(experiment.Width),
            _ => "hand-written piecewise linear",
        };
    }

    /// <summary>A new engine (with its own scratch buffers) of <paramref name="kind"/> for <paramref name="experiment"/>.</summary>
    /// <exception cref="ArgumentException">The engine cannot run the experiment.</exception>
    public static CollapseEngine Create(EngineKind kind, CollapseExperiment experiment)
    {
        if (Unsupported(kind, experiment) is { } reason)
            throw new ArgumentException($"Cannot run this experiment: {reason}.", nameof(kind));
        return (kind == EngineKind.Auto ? Choose(experiment) : kind) switch
        {
            EngineKind.FunctionSpace => new FunctionSpaceEngine(experiment),
            EngineKind.WeightSpace => WeightSpaceShapes.Engine(experiment) ?? new WeightSpaceEngine(experiment),
            _ => new PiecewiseLinearEngine(experiment),
        };
    }
}
