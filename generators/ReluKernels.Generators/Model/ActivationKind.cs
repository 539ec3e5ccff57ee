namespace ReluKernels.Generators.Model;

/// <summary>The activation of a network. Values mirror <c>ReluKernels.Activation</c>; each needs an emitter in <c>Emit/Activations</c>.</summary>
internal enum ActivationKind
{
    ReLU = 0,
}
