namespace ReluKernels;

/// <summary>Element types a generated network can use.</summary>
/// <remarks>The numeric values are part of the generator contract (the generator reads them from the attribute).</remarks>
public enum ElementType
{
    /// <summary>32-bit IEEE-754 (<see cref="float"/>).</summary>
    Float = 0,

    /// <summary>64-bit IEEE-754 (<see cref="double"/>); use it for gradient checks.</summary>
    Double = 1,
}
