using ReluKernels.Activations;

namespace ReluKernels.LengthMap;

/// <summary>
/// The kernel <see cref="Activation"/> (with its parameter) that computes the same function as a <see cref="ScalarActivation"/>,
/// for the activations both models share: ReLU, leaky ReLU, ELU, SELU, normalised ReLU and NormReLU_b.
/// </summary>
public static class KernelActivationOf
{
    /// <summary>The kernel activation and parameter of <paramref name="activation"/>; null when the kernels do not offer it (tanh, erf, Hermite, sign, exp).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
    public static (Activation Kind, double? Parameter)? Find(ScalarActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        (Activation Kind, double? Parameter)? kernel = activation switch
        {
            Relu => (Activation.ReLU, null),
            LeakyRelu l => (Activation.LeakyReLU, l.Slope),
            Elu e => (Activation.ELU, e.Alpha),
            Selu => (Activation.SELU, null),
            NormalisedRelu => (Activation.NormalizedReLU, null),
            NormRelu n => (Activation.NormReLU, n.Kink),
            _ => null,
        };
        // The kernels accept fewer parameters (e.g. a slope ≥ 0, since they read σ′ from σ's output): see ActivationConstants.Problem.
        return kernel is { Parameter: { } p } k && ActivationConstants.Problem(k.Kind, p) is not null ? null : kernel;
    }

    /// <summary>The activations of <see cref="SupportedActivations.All"/> that the kernels offer, in that order.</summary>
    public static IReadOnlyList<ScalarActivation> Simulable { get; } = [.. SupportedActivations.All.Where(a => Find(a) is not null)];
}
