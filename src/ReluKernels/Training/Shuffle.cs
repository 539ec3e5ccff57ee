namespace ReluKernels.Training;

/// <summary>Reproducible random permutations from a <see cref="CounterRng"/> stream.</summary>
public static class Shuffle
{
    /// <summary>
    /// Sets <paramref name="order"/> to 0, 1, …, n − 1, then shuffles it by Fisher–Yates (i = n − 1 down to 1: swap
    /// element i with a uniform j ∈ [0, i]). The bounded integers are Lemire's multiply-shift with rejection on one 32-bit
    /// word each, so they are exactly uniform and the permutation depends only on the stream's state. Allocation-free.
    /// </summary>
    public static void Permutation(Span<int> order, ref CounterRng rng)
    {
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = UniformBelow(i + 1, ref rng);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) (Lemire 2019, "Fast random integer generation in an interval").</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is less than 1.</exception>
    public static int UniformBelow(int bound, ref CounterRng rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        uint range = (uint)bound;
        ulong product = (ulong)rng.NextUInt32() * range;
        uint low = (uint)product;
        if (low < range)
        {
            uint threshold = (0u - range) % range;
            while (low < threshold)
            {
                product = (ulong)rng.NextUInt32() * range;
                low = (uint)product;
            }
        }
        return (int)(product >> 32);
    }
}
