namespace ReluKernels.Generators.Emit.Activations;

/// <summary>
/// ELU: <c>z &gt; 0 ? z : α(eᶻ − 1)</c> with <c>KernelMath.Exp</c>; derivative 1 where the output y is &gt; 0, else
/// αeᶻ = y + α (α ≥ 0, so the output's sign is z's).
/// </summary>
internal sealed class EluEmitter(double alpha) : ActivationEmitter
{
    public override string Name => $"ELU (alpha {Show(alpha)})";

    public override string Apply(Isa isa, string t, string z) =>
        isa.WhereGreater(z, isa.Zero(t), z, $"{isa.Constant(t, alpha)} * ({Isa.Exp(z)} - {isa.Constant(t, 1)})");

    public override string DerivativeTimes(Isa isa, string t, string output, string preActivation, string g) =>
        isa.WhereGreater(output, isa.Zero(t), g, $"({output} + {isa.Constant(t, alpha)}) * {g}");
}
