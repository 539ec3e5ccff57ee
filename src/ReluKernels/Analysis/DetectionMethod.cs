using ReluKernels.Training.Data;

namespace ReluKernels.Analysis;

/// <summary>How a dead/collapse verdict was reached (docs/definitions.md#exactness-of-detection); every result reports it.</summary>
public enum DetectionMethod
{
    /// <summary>Bias-free network, 1-D input: evaluate x = ±1 only (positive homogeneity). Exact.</summary>
    Homogeneity = 0,

    /// <summary>1-D input: propagate each layer as a continuous piecewise-linear function of x. Exact (up to rounding).</summary>
    PiecewiseLinear = 1,

    /// <summary>
    /// A finite point set. Can prove a neuron active, never dead: dead and collapse verdicts are upper estimates.
    /// </summary>
    Sampling = 2,

    /// <summary>
    /// 2-D input ("exact polygons"): propagate each layer as affine functions on convex polygons partitioning the square
    /// (<see cref="PlanarPropagator"/>). Exact (up to rounding).
    /// </summary>
    ExactPolygons = 3,
}
