using ReluKernels.Generators.Model;

namespace ReluKernels.Generators.Emit.Activations;

/// <summary>
/// How one activation is spelled in emitted code: one subclass per activation; the kernels only call <see cref="Apply"/>
/// and <see cref="DerivativeTimes"/>. The derivative is written in terms of the activation's <em>output</em>, which the
/// backward pass keeps: every supported activation but one is monotone and its output is above its value at the kink
/// exactly where the pre-activation is past the kink. The exception, normalised erf, reads the pre-activation, which the
/// backward pass keeps for it alone (<c>ActivationConstants.DerivativeNeedsPreActivation</c>). Each expression is the one <c>ReluKernels.KernelActivation</c> computes
/// for <c>GenericNetwork</c>, operation for operation and with the same constants (<c>ActivationConstants</c>, linked
/// from the runtime), so every path is bit-identical to the oracle.
/// </summary>
internal abstract class ActivationEmitter
{
    /// <summary>Name for comments, with the parameter when there is one.</summary>
    public abstract string Name { get; }

    /// <summary>σ(z).</summary>
    public abstract string Apply(Isa isa, string t, string z);

    /// <summary>
    /// σ'(z) · g, where <paramref name="output"/> = σ(z) and <paramref name="preActivation"/> = z; the latter is an
    /// expression that is valid (and emitted) only when the activation needs it.
    /// </summary>
    public abstract string DerivativeTimes(Isa isa, string t, string output, string preActivation, string g);

    public static ActivationEmitter For(NetworkSpec spec) => spec.Activation switch
    {
        ActivationKind.ReLU => ReluEmitter.Instance,
        ActivationKind.LeakyReLU => new LeakyReluEmitter(spec.ActivationParameter),
        ActivationKind.ELU => new EluEmitter(spec.ActivationParameter),
        ActivationKind.SELU => SeluEmitter.Instance,
        ActivationKind.NormalizedReLU => NormalizedReluEmitter.Instance,
        ActivationKind.NormReLU => new NormReluEmitter(spec.ActivationParameter),
        ActivationKind.NormalizedTanh => NormalizedTanhEmitter.Instance,
        ActivationKind.NormalizedErf => NormalizedErfEmitter.Instance,
        _ => throw new System.ArgumentOutOfRangeException(nameof(spec), spec.Activation, "The parser rejects unknown activations (RK0006)."),
    };

    /// <summary>A parameter as a comment shows it.</summary>
    protected static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
