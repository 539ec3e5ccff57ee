using ReluKernels.Generators.Model;

namespace ReluKernels.Generators.Emit.Activations;

/// <summary>
/// How one activation is spelled in emitted code. Adding an activation (LeakyReLU, SELU, normalised ReLU) means adding
/// an enum value and one subclass here; the kernels only call <see cref="Apply"/> and <see cref="DerivativeTimes"/>.
/// The derivative is written in terms of the activation's <em>output</em>, which the backward pass keeps.
/// </summary>
internal abstract class ActivationEmitter
{
    public abstract string Name { get; }

    /// <summary>σ(z).</summary>
    public abstract string Apply(Isa isa, string t, string z);

    /// <summary>σ'(z) · g, where <paramref name="output"/> = σ(z).</summary>
    public abstract string DerivativeTimes(Isa isa, string t, string output, string g);

    public static ActivationEmitter For(ActivationKind kind) => kind switch
    {
        ActivationKind.ReLU => ReluEmitter.Instance,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "The parser rejects unknown activations (RK0006)."),
    };
}
