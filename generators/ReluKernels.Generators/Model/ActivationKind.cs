namespace ReluKernels.Generators.Model;

/// <summary>The activation of a network. Values mirror <c>ReluKernels.Activation</c>; each needs an emitter in <c>Emit/Activations</c>.</summary>
internal enum ActivationKind
{
    ReLU = 0,
    LeakyReLU = 1,
    ELU = 2,
    SELU = 3,
    NormalizedReLU = 4,
    NormReLU = 5,
    NormalizedTanh = 6,
    NormalizedErf = 7,
}
