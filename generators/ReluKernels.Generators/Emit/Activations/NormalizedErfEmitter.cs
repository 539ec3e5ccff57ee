namespace ReluKernels.Generators.Emit.Activations;

/// <summary>
/// Normalised erf, <c>erf(z)/s</c> with 1/s = 1/√((2/π) arcsin(2/3)) (<c>ActivationConstants</c>), written as
/// <c>(1/s) · KernelMath.Erf(z)</c>; derivative <c>((2/√π)/s) · KernelMath.Exp(−(z·z)) · g</c>.
/// </summary>
/// <remarks>
/// e^{−z²} is not a function of the output: recovering z from y = erf(z)/s would need erf⁻¹, which loses every digit
/// where erf is flat (|z| ≳ 3). Today's backward keeps each layer's outputs only (they are the next layer's inputs) and
/// recomputes nothing. Of the exact options — recompute each layer's pre-activations from the previous layer's outputs
/// (a second forward pass inside the backward, in every template), or keep them — keeping is the least invasive: for
/// this activation alone the backward's forward pass also stores every z in a region after the gradient accumulators
/// (the same slot layout as the outputs, plus the output layer's), so <c>BackwardWorkspaceLength</c> grows by
/// (Depth·Width + OutputDim) vectors and the other activations' code and workspace are unchanged.
/// </remarks>
internal sealed class NormalizedErfEmitter : ActivationEmitter
{
    public static readonly NormalizedErfEmitter Instance = new();

    public override string Name => "normalised erf";

    public override string Apply(Isa isa, string t, string z) =>
        $"{isa.Constant(t, ActivationConstants.NormalizedErfFactor)} * {Isa.Erf(z)}";

    public override string DerivativeTimes(Isa isa, string t, string output, string preActivation, string g) =>
        $"{isa.Constant(t, ActivationConstants.NormalizedErfSlope)} * {Isa.Exp($"-({preActivation} * {preActivation})")} * {g}";
}
