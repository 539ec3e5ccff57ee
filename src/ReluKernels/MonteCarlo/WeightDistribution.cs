namespace ReluKernels.MonteCarlo;

/// <summary>
/// How a collapse experiment draws each layer's weights. Biases, if any, follow <see cref="BiasDistribution"/>, except under
/// <see cref="Rai"/>, which draws weights and biases together.
/// </summary>
public enum WeightDistribution
{
    /// <summary>He normal: i.i.d. N(0, 2/fan_in). Gaussian, so the function-space engine applies.</summary>
    HeNormal,

    /// <summary>He uniform: i.i.d. U[−√(6/fan_in), √(6/fan_in)), the symmetric uniform with the He variance.</summary>
    SymmetricUniform,

    /// <summary>Haar-random orthogonal matrices (Saxe et al. 2014), gain √2; the first layer is a uniform unit vector.</summary>
    Orthogonal,

    /// <summary>
    /// Randomized asymmetric initialisation (<see cref="RandomizedAsymmetricInitializer"/>, Lu, Shin, Su &amp; Karniadakis 2020):
    /// weights and biases together, one Beta(2, 1) entry per row of [W, b]; always with biases, so only the piecewise-linear engine runs it.
    /// </summary>
    Rai,
}
