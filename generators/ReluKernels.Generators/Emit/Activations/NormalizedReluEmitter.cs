namespace ReluKernels.Generators.Emit.Activations;

/// <summary>
/// Normalised ReLU, <c>(max(z, 0) − 1/√(2π)) / √(1/2 − 1/(2π))</c>: NormReLU with kink 0, using the simpler closed
/// forms of its shift and factor.
/// </summary>
internal sealed class NormalizedReluEmitter : NormReluEmitter
{
    public static readonly NormalizedReluEmitter Instance = new();

    private NormalizedReluEmitter() : base(0, ActivationConstants.NormalizedReluShift, ActivationConstants.NormalizedReluFactor)
    {
    }

    public override string Name => "normalised ReLU";
}
