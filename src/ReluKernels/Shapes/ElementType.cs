using System.Diagnostics.CodeAnalysis;

namespace ReluKernels;

/// <summary>Element types a generated network can use.</summary>
/// <remarks>The numeric values are part of the generator contract (the generator reads them from the attribute).</remarks>
[SuppressMessage("Naming", "CA1720:Identifier contains type name",
    Justification = "The members name the C# element types on purpose: ElementType = ElementType.Double reads as the type it selects.")]
public enum ElementType
{
    /// <summary>32-bit IEEE-754 (<see cref="float"/>).</summary>
    Float = 0,

    /// <summary>64-bit IEEE-754 (<see cref="double"/>); use it for gradient checks.</summary>
    Double = 1,
}
