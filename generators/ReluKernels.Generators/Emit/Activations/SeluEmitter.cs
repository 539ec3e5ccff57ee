namespace ReluKernels.Generators.Emit.Activations;

/// <summary>
/// SELU with the published λ and α (Klambauer et al. 2017): <c>z &gt; 0 ? λz : λα(eᶻ − 1)</c>, λα rounded once;
/// derivative λ where the output y is &gt; 0, else λαeᶻ = y + λα.
/// </summary>
internal sealed class SeluEmitter : ActivationEmitter
{
    public static readonly SeluEmitter Instance = new();

    private const double Scale = ActivationConstants.SeluScale;

    private const double ScaleAlpha = ActivationConstants.SeluScale * ActivationConstants.SeluAlpha;

    public override string Name => "SELU";

    public override string Apply(Isa isa, string t, string z) =>
        isa.WhereGreater(z, isa.Zero(t), $"{isa.Constant(t, Scale)} * {z}", $"{isa.Constant(t, ScaleAlpha)} * ({Isa.Exp(z)} - {isa.Constant(t, 1)})");

    public override string DerivativeTimes(Isa isa, string t, string output, string preActivation, string g) =>
        isa.WhereGreater(output, isa.Zero(t), $"{isa.Constant(t, Scale)} * {g}", $"({output} + {isa.Constant(t, ScaleAlpha)}) * {g}");
}
