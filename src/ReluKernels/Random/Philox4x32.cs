namespace ReluKernels;

/// <summary>
/// The Philox4x32-10 counter-based bijection (Salmon, Moraes, Dror, Shaw, "Parallel random numbers: as easy as 1, 2, 3",
/// SC 2011): 128-bit counter and 64-bit key in, 128 bits out, ten rounds of two 32×32→64 multiplications.
/// </summary>
/// <remarks>
/// Hand-rolled rather than taken from a package because the same round function must inline into the SIMD loops of
/// <see cref="CounterRng"/> (Vector512/Vector256/Vector128 lanes = counters); no .NET library exposes Philox that way.
/// This scalar entry point is the reference the vector paths are tested against, and it reproduces the published
/// Random123 known-answer vectors (<c>kat_vectors</c>, "philox4x32 10").
/// </remarks>
public static class Philox4x32
{
    /// <summary>Round multiplier for counter word 0.</summary>
    public const uint M0 = 0xD251_1F53;

    /// <summary>Round multiplier for counter word 2.</summary>
    public const uint M1 = 0xCD9E_8D57;

    /// <summary>Weyl increment of key word 0 (golden ratio).</summary>
    public const uint W0 = 0x9E37_79B9;

    /// <summary>Weyl increment of key word 1 (√3 − 1).</summary>
    public const uint W1 = 0xBB67_AE85;

    /// <summary>Number of rounds.</summary>
    public const int Rounds = 10;

    /// <summary>
    /// Philox4x32-10 of counter <c>(c0, c1, c2, c3)</c> under key <c>(k0, k1)</c>. Each round maps
    /// <c>(c0, c1, c2, c3)</c> to <c>(hi(M1·c2) ⊕ c1 ⊕ k0, lo(M1·c2), hi(M0·c0) ⊕ c3 ⊕ k1, lo(M0·c0))</c>;
    /// round r uses the key <c>(k0 + r·W0, k1 + r·W1)</c>.
    /// </summary>
    public static (uint X0, uint X1, uint X2, uint X3) Compute(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (int r = 0; r < Rounds; r++)
        {
            ulong p0 = (ulong)M0 * c0, p1 = (ulong)M1 * c2;
            (c0, c1, c2, c3) = ((uint)(p1 >> 32) ^ c1 ^ k0, (uint)p1, (uint)(p0 >> 32) ^ c3 ^ k1, (uint)p0);
            k0 += W0;
            k1 += W1;
        }
        return (c0, c1, c2, c3);
    }
}
