namespace ReluKernels.Conditioning;

/// <summary>The scale of one finite-width conditioning simulation.</summary>
/// <param name="Width">Hidden width, n..<see cref="FiniteWidthNetwork.MaxWidth"/> (n = number of inputs, so K̂ can be non-singular).</param>
/// <param name="MaxDepth">Depths 1..MaxDepth are all read off the same networks.</param>
/// <param name="Networks">Independent random networks, ≥ 2 (network i draws from stream i of <paramref name="Seed"/>).</param>
/// <param name="Seed">Seed of the counter-based streams.</param>
/// <param name="Threads">Worker threads; the results do not depend on it.</param>
/// <param name="WithNtk">Also the empirical NTK (width ≤ <see cref="FiniteWidthNetwork.MaxNtkWidth"/>).</param>
public sealed record SimulationSettings(int Width, int MaxDepth, int Networks, ulong Seed, int Threads, bool WithNtk)
{
    /// <summary>Checks every field against <paramref name="inputCount"/> inputs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public void Validate(int inputCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, inputCount, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Width, WithNtk ? FiniteWidthNetwork.MaxNtkWidth : FiniteWidthNetwork.MaxWidth, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDepth, FiniteWidthNetwork.MaxDepth, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(Networks, 2, nameof(Networks));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
    }
}
