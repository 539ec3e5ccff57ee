using System.Runtime.InteropServices;

namespace ReluKernels.MonteCarlo;

/// <summary>What a <see cref="DrawBuffer"/> holds.</summary>
internal enum DrawKind
{
    /// <summary>N(0, 1) floats.</summary>
    Normal,
    /// <summary>U[−1, 1) floats.</summary>
    SymmetricUniform,
    /// <summary>Raw 32-bit generator words, for transforms fused into an engine's step.</summary>
    Words,
}

/// <summary>
/// Random values for the lane engines, drawn from the stream in large chunks and handed out in request order. A layer of a
/// narrow net needs only 64–800 values; asking the stream for each separately would pay the call overhead every layer and,
/// for lengths that are not a multiple of the generator's 64-value block, the slow per-element head and tail paths.
/// The chunk is a multiple of 64, so the stream stays block-aligned. Values left over at the end of a chunk (or of a block
/// of trials) are discarded, which keeps the values a trial sees a pure function of the stream.
/// </summary>
internal sealed class DrawBuffer
{
    private readonly uint[] _values;
    private readonly DrawKind _kind;
    private int _next;

    /// <param name="largestRequest">The most values one <see cref="Take"/> asks for.</param>
    /// <param name="kind">What the values are.</param>
    public DrawBuffer(int largestRequest, DrawKind kind)
    {
        int length = Math.Max(4096, 4 * largestRequest);
        _values = new uint[(length + 63) / 64 * 64];
        _kind = kind;
        _next = _values.Length;
    }

    /// <summary>Forgets the current chunk; call when switching to another stream.</summary>
    public void Restart() => _next = _values.Length;

    /// <summary>The next <paramref name="count"/> floats (<see cref="DrawKind.Normal"/> or <see cref="DrawKind.SymmetricUniform"/>); valid until the next call.</summary>
    public Span<float> Take(int count, ref CounterRng rng) => MemoryMarshal.Cast<uint, float>(TakeWords(count, ref rng));

    /// <summary>The next <paramref name="count"/> values as stored; valid until the next call.</summary>
    public Span<uint> TakeWords(int count, ref CounterRng rng)
    {
        if (_next + count > _values.Length)
        {
            switch (_kind)
            {
                case DrawKind.Words:
                    rng.Fill(_values);
                    break;
                case DrawKind.SymmetricUniform:
                    InitDraw.Symmetric<float>(MemoryMarshal.Cast<uint, float>(_values.AsSpan()), 1, ref rng);
                    break;
                default:
                    rng.FillNormal(MemoryMarshal.Cast<uint, float>(_values.AsSpan()));
                    break;
            }
            _next = 0;
        }
        var taken = _values.AsSpan(_next, count);
        _next += count;
        return taken;
    }
}
