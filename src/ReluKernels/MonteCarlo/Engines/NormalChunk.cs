namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// Double-precision standard normals for <see cref="PiecewiseLinearEngine"/>, drawn from the stream 4096 (or more) at a time and
/// handed out in request order. A biased layer of a narrow net needs only width² + width normals; asking the stream for
/// each layer separately paid the call overhead and the generator's per-element head and tail paths every layer, which
/// cost more than the exact propagation at widths 2–5. A request that does not fit in what is left of the chunk starts a
/// new chunk (the rest is discarded), and <see cref="Restart"/> discards the chunk at the start of a block, so the
/// values a trial sees are a pure function of its block's stream.
/// </summary>
internal sealed class NormalChunk
{
    private readonly double[] _values;
    private int _next;

    /// <param name="largestRequest">The most values one <see cref="Take"/> asks for.</param>
    public NormalChunk(int largestRequest)
    {
        // At least 4096 values, and a multiple of 64 so that the stream stays block-aligned.
        _values = new double[Math.Max(4096, (largestRequest + 63) / 64 * 64)];
        _next = _values.Length;
    }

    /// <summary>Forgets the current chunk; call when switching to another stream.</summary>
    public void Restart() => _next = _values.Length;

    /// <summary>The next <paramref name="count"/> (at most the constructor's largest request) N(0, 1) values; valid until the next call.</summary>
    public ReadOnlySpan<double> Take(int count, ref CounterRng rng)
    {
        if (_next + count > _values.Length)
        {
            rng.FillNormal(_values.AsSpan());
            _next = 0;
        }
        var taken = _values.AsSpan(_next, count);
        _next += count;
        return taken;
    }
}
