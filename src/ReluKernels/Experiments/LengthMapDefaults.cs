namespace ReluKernels.Experiments;

/// <summary>
/// The settings of <c>relukernels length-map</c> when none are given (ours: Lu, Su &amp; Karniadakis 2019 derive the map
/// without simulating it): narrow enough to show the finite-width gap of the smooth activations, deep enough to show
/// LeCun and Glorot shrinking the lengths geometrically, and a run of a few seconds on 2 cores.
/// </summary>
public static class LengthMapDefaults
{
    /// <summary>Neurons per layer N.</summary>
    public const int Width = 32;

    /// <summary>Layers L.</summary>
    public const int Depth = 20;

    /// <summary>σ_b (0: no bias, the paper's He-normal case).</summary>
    public const double BiasStd = 0;

    /// <summary>Random networks per (activation, initialiser).</summary>
    public const int Trials = 1000;
}
