namespace ReluKernels.MonteCarlo.Engines;

/// <summary>The Monte-Carlo engines of a collapse study. <see cref="Auto"/> picks the fastest exact one for the experiment.</summary>
public enum EngineKind
{
    /// <summary>The fastest exact engine for the experiment (see <see cref="CollapseEngines.Choose"/>).</summary>
    Auto,

    /// <summary>
    /// Gaussian weights, no biases: follows only the angle between the layer's outputs at x = ±1, which is all that
    /// decides the signs of the next layer. Each layer costs 2·width − 1 raw generator words (one angle per neuron and
    /// Dirichlet weights from sorted uniforms), no normals and no width² weight matrix; docs/monte-carlo.md derives it.
    /// </summary>
    FunctionSpace,

    /// <summary>No biases, any weight distribution: 16 networks per SIMD vector, weights drawn lazily layer by layer, x = ±1.</summary>
    WeightSpace,

    /// <summary>With biases (any distribution): exact piecewise-linear propagation on Ω, one network at a time, in double.</summary>
    PiecewiseLinear,
}
