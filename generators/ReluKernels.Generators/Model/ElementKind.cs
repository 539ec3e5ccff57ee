namespace ReluKernels.Generators.Model;

/// <summary>The element type of a network. Values mirror <c>ReluKernels.ElementType</c>.</summary>
internal enum ElementKind
{
    Float = 0,
    Double = 1,
}
