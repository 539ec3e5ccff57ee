namespace ReluKernels.Training;

/// <summary>Reproducible random permutations from a <see cref="CounterRng"/> stream.</summary>
public static class Shuffle
{
    /// <summary>
    /// Sets <paramref name="order"/> to 0, 1, …, n − 1, then shuffles it by Fisher–Yates (i = n − 1 down to 1: swap
    /// element i with a uniform j ∈ [0, i]). The bounded integers are Lemire's multiply-shift with rejection on one 32-bit
    /// word each, so they are exactly uniform and the permutation depends only on the stream's state. Allocation-free.
    /// </summary>
    public static void Permutation(Span<int> order, ref CounterRng rng) => Permutation(order, ref rng, []);

    /// <summary>
    /// <see cref="Permutation(Span{int}, ref CounterRng)"/> with the stream's next n − 1 words drawn at once into
    /// <paramref name="words"/> by the vectorised <see cref="CounterRng.Fill(Span{uint})"/>, and consumed in order (a
    /// rejected word takes the next one, past the buffer from the stream itself). The permutation and the stream's position
    /// afterwards are exactly those of the one-word-at-a-time version; the words just cost far less. Allocation-free.
    /// </summary>
    /// <param name="order">Receives the permutation.</param>
    /// <param name="rng">The stream.</param>
    /// <param name="words">Scratch of at least n − 1 words.</param>
    /// <exception cref="ArgumentException"><paramref name="words"/> is shorter than n − 1 and not empty.</exception>
    public static void Permutation(Span<int> order, ref CounterRng rng, Span<uint> words)
    {
        int draws = Math.Max(0, order.Length - 1);
        if (!words.IsEmpty && words.Length < draws)
            throw new ArgumentException($"The permutation of {order.Length} needs {draws} words of scratch; {words.Length} were given.", nameof(words));
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        // Empty scratch: every word comes from the stream as it is needed.
        var buffer = words.IsEmpty ? words : words[..draws];
        rng.Fill(buffer);
        int next = 0;
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = Lemire((uint)(i + 1), buffer, ref next, ref rng);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) (Lemire 2019, "Fast random integer generation in an interval").</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is less than 1.</exception>
    public static int UniformBelow(int bound, ref CounterRng rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        int next = 0;
        return Lemire((uint)bound, [], ref next, ref rng);
    }

    /// <summary>Lemire's bounded integer; its words are <paramref name="words"/>[<paramref name="next"/>..], then the stream's.</summary>
    private static int Lemire(uint range, ReadOnlySpan<uint> words, ref int next, ref CounterRng rng)
    {
        ulong product = (ulong)Word(words, ref next, ref rng) * range;
        uint low = (uint)product;
        if (low < range)
        {
            uint threshold = (0u - range) % range;
            while (low < threshold)
            {
                product = (ulong)Word(words, ref next, ref rng) * range;
                low = (uint)product;
            }
        }
        return (int)(product >> 32);
    }

    private static uint Word(ReadOnlySpan<uint> words, ref int next, ref CounterRng rng) =>
        next < words.Length ? words[next++] : rng.NextUInt32();
}
