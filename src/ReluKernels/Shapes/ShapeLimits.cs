namespace ReluKernels;

/// <summary>The shapes ReluKernels supports. The generator links this file, so both sides enforce the same ranges.</summary>
#if RELUKERNELS_GENERATOR
internal
#else
public
#endif
static class ShapeLimits
{
    /// <summary>Smallest supported hidden width.</summary>
    public const int MinWidth = 1;

    /// <summary>Largest hidden width the generator accepts (diagnostic RK0003) and the Monte-Carlo engines support.</summary>
    public const int MaxWidth = 64;

    /// <summary>
    /// Largest hidden width of a run-time <c>NetworkArchitecture</c>: shapes wider than <see cref="MaxWidth"/> have
    /// no generated kernel but run on <c>GenericNetwork&lt;T&gt;</c>, train, initialise and analyse (Shin &amp; Karniadakis 2020 trains
    /// shallow networks of width 100 and 500).
    /// </summary>
    public const int MaxRuntimeWidth = 1024;

    /// <summary>Smallest supported number of hidden layers.</summary>
    public const int MinDepth = 1;

    /// <summary>Largest supported number of hidden layers.</summary>
    public const int MaxDepth = 256;

    /// <summary>Smallest supported input or output dimension.</summary>
    public const int MinDim = 1;

    /// <summary>Largest supported input or output dimension.</summary>
    public const int MaxDim = 16;

    /// <summary>
    /// Widest hidden layer the generator unrolls. Beyond it, an unrolled layer has more than ~1,000 multiply-adds and
    /// enough locals that the JIT gives up optimising the method (its MinOpts limits), so the generator emits
    /// looped kernels instead and says so with an informational diagnostic.
    /// </summary>
    public const int MaxUnrolledWidth = 32;
}
