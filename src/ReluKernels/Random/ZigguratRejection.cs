namespace ReluKernels;

/// <summary>
/// The rare slow path of <see cref="ZigguratNormal"/> (2.8% of words): the wedge test, the tail, and fresh tries.
/// Scalar and in double, with the project's own exp/log, so its result is the same bits on every ISA. Its extra words come
/// from a sub-stream keyed by the rejected word's own stream position, never from the main stream, so element p's value
/// depends on word p alone — not on the vector width, on which other lanes were rejected, or on how a fill was chunked.
/// </summary>
/// <remarks>
/// Sub-stream of the word at position p of stream s under seed k: Philox4x32-10 with key (k low, k high) and counters
/// (p low, p high ⊕ (t ≪ 16), s low, s high ⊕ 2³¹) for t = 0, 1, …, four words each, used in order. Main streams set
/// bit 63 of the stream index never in practice (stream = block index), and positions stay below 2⁴⁸ words, so the
/// counters are disjoint from every main stream and from every other element's sub-stream.
/// </remarks>
internal static class ZigguratRejection
{
    /// <summary>
    /// The normal for the word <paramref name="word"/> at <paramref name="position"/> whose fast test failed: the layer's
    /// wedge test or the tail, then, on rejection, fresh words from the sub-stream (Marsaglia &amp; Tsang 2000, <c>nfix</c>).
    /// </summary>
    public static float Resolve(uint word, ulong seed, ulong stream, ulong position)
    {
        var words = new SubStream(seed, stream, position);
        while (true)
        {
            int layer = (int)(word & (ZigguratTables.Layers - 1));
            bool negative = (word & ZigguratNormal.SignBit) != 0;
            if (layer == 0)
            {
                float tail = (float)(ZigguratTables.R + Tail(ref words));
                return negative ? -tail : tail;
            }
            float candidate = (word >> 8) * ZigguratTables.Step[layer];
            double low = ZigguratTables.Density[layer], high = ZigguratTables.Density[layer - 1];
            if (low + Open(words.Next()) * (high - low) < ZigguratTables.F(candidate))
                return negative ? -candidate : candidate;
            word = words.Next();
            if (ZigguratNormal.TryFast(word, out float value))
                return value;
        }
    }

    /// <summary>
    /// The excess over R of a normal conditioned on exceeding R (Marsaglia 1964, as in Marsaglia &amp; Tsang 2000):
    /// t = −ln u₁ / R, accepted when −2 ln u₂ &gt; t².
    /// </summary>
    private static double Tail(ref SubStream words)
    {
        while (true)
        {
            double t = -ZigguratTables.Log(Open(words.Next())) / ZigguratTables.R;
            double y = -ZigguratTables.Log(Open(words.Next()));
            if (y + y > t * t)
                return t;
        }
    }

    /// <summary>(w + ½)·2⁻³²: uniform on (0, 1), exact in double.</summary>
    private static double Open(uint word) => (word + 0.5) * (1.0 / 4294967296.0);

    /// <summary>The words of one rejected element's sub-stream, four per Philox counter.</summary>
    private struct SubStream(ulong seed, ulong stream, ulong position)
    {
        private uint _t, _used = 4, _x0, _x1, _x2, _x3;

        public uint Next()
        {
            if (_used == 4)
            {
                (_x0, _x1, _x2, _x3) = Philox4x32.Compute((uint)position, (uint)(position >> 32) ^ (_t << 16),
                    (uint)stream, (uint)(stream >> 32) ^ 0x8000_0000u, (uint)seed, (uint)(seed >> 32));
                _t++;
                _used = 0;
            }
            return _used++ switch { 0 => _x0, 1 => _x1, 2 => _x2, _ => _x3 };
        }
    }
}
