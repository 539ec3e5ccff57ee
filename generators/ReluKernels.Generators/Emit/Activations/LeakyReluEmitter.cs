namespace ReluKernels.Generators.Emit.Activations;

/// <summary>Leaky ReLU: <c>z &gt; 0 ? z : a·z</c>; derivative 1 where the output is &gt; 0, else a (a ≥ 0, so the output's sign is z's).</summary>
internal sealed class LeakyReluEmitter(double slope) : ActivationEmitter
{
    public override string Name => $"leaky ReLU (slope {Show(slope)})";

    public override string Apply(Isa isa, string t, string z) =>
        isa.WhereGreater(z, isa.Zero(t), z, $"{isa.Constant(t, slope)} * {z}");

    public override string DerivativeTimes(Isa isa, string t, string output, string preActivation, string g) =>
        isa.WhereGreater(output, isa.Zero(t), g, $"{isa.Constant(t, slope)} * {g}");
}
