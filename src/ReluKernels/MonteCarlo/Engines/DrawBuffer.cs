namespace ReluKernels.MonteCarlo;

/// <summary>
/// Random values for the lane engines, drawn from the stream in large chunks and handed out in request order. A layer of a
/// narrow net needs only 64–800 values; asking the stream for each separately would pay the call overhead every layer and,
/// for lengths that are not a multiple of the generator's 64-value block, the slow per-element head and tail paths.
/// The chunk is a multiple of 64, so the stream stays block-aligned. Values left over at the end of a chunk (or of a block
/// of trials) are discarded, which keeps the values a trial sees a pure function of the stream.
/// </summary>
internal sealed class DrawBuffer
{
    private readonly float[] _values;
    private readonly bool _uniform;
    private int _next;

    /// <param name="largestRequest">The most values one <see cref="Take"/> asks for.</param>
    /// <param name="uniform">U[−1, 1) instead of N(0, 1).</param>
    public DrawBuffer(int largestRequest, bool uniform)
    {
        int length = Math.Max(4096, 4 * largestRequest);
        _values = new float[(length + 63) / 64 * 64];
        _uniform = uniform;
        _next = _values.Length;
    }

    /// <summary>Forgets the current chunk; call when switching to another stream.</summary>
    public void Restart() => _next = _values.Length;

    /// <summary>The next <paramref name="count"/> values; valid until the next call.</summary>
    public Span<float> Take(int count, ref CounterRng rng)
    {
        if (_next + count > _values.Length)
        {
            if (_uniform)
                InitDraw.Symmetric<float>(_values, 1, ref rng);
            else
                rng.FillNormal(_values);
            _next = 0;
        }
        var taken = _values.AsSpan(_next, count);
        _next += count;
        return taken;
    }
}
