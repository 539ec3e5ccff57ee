namespace ReluKernels.Generators.Emit.Activations;

/// <summary>
/// Normalised tanh, <c>tanh(z)/s</c> with s = √(E tanh(X)²) under N(0, 1) (<c>ActivationConstants</c>), written as
/// <c>(1/s) · KernelMath.Tanh(z)</c>. Its derivative comes from the output like every monotone activation's: tanh z = s·y,
/// so σ'(z)·g = (1/s)(1 − (s·y)²)·g, the 1 − (s·y)² by one fused multiply-add. (s·y is tanh z to about two roundings,
/// an absolute error near 1e-16 in σ', negligible beside the gradient's own rounding.)
/// </summary>
internal sealed class NormalizedTanhEmitter : ActivationEmitter
{
    public static readonly NormalizedTanhEmitter Instance = new();

    public override string Name => "normalised tanh";

    public override string Apply(Isa isa, string t, string z) =>
        $"{isa.Constant(t, ActivationConstants.NormalizedTanhFactor)} * {Isa.Tanh(z)}";

    public override string DerivativeTimes(Isa isa, string t, string output, string preActivation, string g)
    {
        string tanh = $"({output} * {isa.Constant(t, ActivationConstants.NormalizedTanhDeviation)})";
        return $"{isa.Constant(t, ActivationConstants.NormalizedTanhFactor)} * {isa.Fma(t, "-" + tanh, tanh, isa.Constant(t, 1))} * {g}";
    }
}
