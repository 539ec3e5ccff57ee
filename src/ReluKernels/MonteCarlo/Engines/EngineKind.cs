namespace ReluKernels.MonteCarlo;

/// <summary>The Monte-Carlo engines of a collapse study. <see cref="Auto"/> picks the fastest exact one for the experiment.</summary>
public enum EngineKind
{
    /// <summary>The fastest exact engine for the experiment (see <see cref="CollapseEngines.Choose"/>).</summary>
    Auto,

    /// <summary>
    /// Gaussian weights, no biases: samples each layer's pre-activations at x = ±1 directly from their joint Gaussian law
    /// (covariance ∝ the Gram matrix of the previous layer's outputs), 2·width normals per layer instead of width².
    /// </summary>
    FunctionSpace,

    /// <summary>No biases, any weight distribution: 16 networks per SIMD vector, weights drawn lazily layer by layer, x = ±1.</summary>
    WeightSpace,

    /// <summary>With biases (any distribution): exact piecewise-linear propagation on Ω, one network at a time, in double.</summary>
    PiecewiseLinear,
}
