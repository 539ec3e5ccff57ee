namespace ReluKernels.Generators.Emit.Activations;

/// <summary>ReLU: <c>max(z, 0)</c> (IEEE maximum, so NaN propagates); derivative 1 where the output is &gt; 0, else 0.</summary>
internal sealed class ReluEmitter : ActivationEmitter
{
    public static readonly ReluEmitter Instance = new();

    public override string Name => "ReLU";

    public override string Apply(Isa isa, string t, string z) => isa.Max(t, z, isa.Zero(t));

    public override string DerivativeTimes(Isa isa, string t, string output, string preActivation, string g) => isa.WherePositive(t, output, g);
}
