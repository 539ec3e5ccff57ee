using ReluKernels.Activations;
using ReluKernels.Theory.Conditioning;

namespace ReluKernels.Conditioning;

/// <summary>The normalised form the conditioning theory needs of an activation.</summary>
public static class Normalising
{
    /// <summary>
    /// <paramref name="activation"/> itself when already normalised (E σ = 0, E σ² = 1 to 1e-12, keeping its closed-form
    /// dual), otherwise <see cref="Normalised"/> of it.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
    /// <exception cref="ArgumentException">The activation cannot be normalised.</exception>
    public static ScalarActivation Of(ScalarActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return ActivationMoments.Of(activation).IsNormalised(1e-12) ? activation : new Normalised(activation);
    }
}
