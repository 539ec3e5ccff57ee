using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// Rescaling by powers of two: exact (no rounding, so no value ever becomes zero or changes sign) and free of division,
/// which matters on the latency-bound layer chain of narrow networks. Public because generated
/// <see cref="IWeightSpaceStep{TSelf}"/> code in the consumer's assembly calls it.
/// </summary>
public static class PowerOfTwoScale
{
    /// <summary>
    /// Per lane, 2^−e where 2^e ≤ <paramref name="magnitude"/> &lt; 2^(e+1) (for positive normal floats), so
    /// magnitude × result lies in [1, 2). A zero magnitude gives 2^127, which leaves zeros zero.
    /// </summary>
    /// <param name="magnitude">Per lane, the largest absolute value to be rescaled.</param>
    /// <returns>The factor to multiply each lane's values by.</returns>
    public static Vector512<float> InverseOf(Vector512<float> magnitude) =>
        ((Vector512.Create(254) - (magnitude.AsInt32() >>> 23)) << 23).AsSingle();
}
