namespace ReluKernels;

/// <summary>Activation functions a generated network can use.</summary>
/// <remarks>The numeric values are part of the generator contract (the generator reads them from the attribute).</remarks>
public enum Activation
{
    /// <summary>max(z, 0) with IEEE-754 maximum semantics (NaN propagates); derivative 1 where z &gt; 0, else 0.</summary>
    ReLU = 0,
}
