namespace ReluKernels;

/// <summary>
/// Fills the parameters of networks of one <see cref="NetworkArchitecture"/> with random values drawn from a
/// <see cref="CounterRng"/>. Every value is a pure function of the stream and its position, so a given
/// (seed, stream, position) always yields the same network.
/// </summary>
public interface IInitializer
{
    /// <summary>Fills one network's parameters (layout of <see cref="NetworkArchitecture"/>: per layer W row-major, then b).</summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not <see cref="NetworkArchitecture.ParameterCount"/> long.</exception>
    void Initialize(NetworkArchitecture architecture, Span<float> parameters, ref CounterRng rng);

    /// <inheritdoc cref="Initialize(NetworkArchitecture, Span{float}, ref CounterRng)"/>
    void Initialize(NetworkArchitecture architecture, Span<double> parameters, ref CounterRng rng);

    /// <summary>
    /// Fills one block of the network-parallel interleaved layout: <c>L = 64 / sizeof(T)</c> independent networks
    /// (16 for float), parameter <c>p</c> of lane <c>n</c> at <c>p·L + n</c>. Lane n receives exactly the network that
    /// the n-th of L consecutive <see cref="Initialize(NetworkArchitecture, Span{float}, ref CounterRng)"/> calls on
    /// the same stream would produce.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="block"/> is not <c>ParameterCount·L</c> long.</exception>
    void InitializeInterleaved(NetworkArchitecture architecture, Span<float> block, ref CounterRng rng);

    /// <inheritdoc cref="InitializeInterleaved(NetworkArchitecture, Span{float}, ref CounterRng)"/>
    void InitializeInterleaved(NetworkArchitecture architecture, Span<double> block, ref CounterRng rng);
}

/// <summary>One layer as an initializer sees it.</summary>
/// <param name="Layer">1-based layer index.</param>
/// <param name="FanIn">Inputs of the layer (columns of W).</param>
/// <param name="FanOut">Outputs of the layer (rows of W).</param>
/// <param name="HasBias">Whether the layer has a bias vector.</param>
public readonly record struct LayerShape(int Layer, int FanIn, int FanOut, bool HasBias);
