using System.Runtime.InteropServices;

namespace ReluKernels.MonteCarlo.Engines;

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
/// The chunk is a multiple of 64, so the stream stays block-aligned, and a whole number of the engine's fixed-size requests,
/// so none is wasted at the end of a chunk (a 16-wide function-space layer takes 496 words: a 4096-word chunk would drop
/// 128 of them every 8 layers). Values left over at the end of a block of trials are discarded, which keeps the values a
/// trial sees a pure function of the stream.
/// </summary>
internal sealed class DrawBuffer
{
    private readonly uint[] _values;
    private readonly DrawKind _kind;
    private int _next;

    /// <param name="request">The values one <see cref="Take"/> asks for: a multiple of 16.</param>
    /// <param name="kind">What the values are.</param>
    public DrawBuffer(int request, DrawKind kind)
    {
        if (request <= 0 || request % 16 != 0)
            throw new ArgumentOutOfRangeException(nameof(request), request, "Requests must be whole multiples of 16 values.");
        int fourRequests = 4 * request; // a multiple of 64
        _values = new uint[(4096 + fourRequests - 1) / fourRequests * fourRequests];
        _kind = kind;
        _next = _values.Length;
    }

    /// <summary>Forgets the current chunk; call when switching to another stream.</summary>
    public void Restart() => _next = _values.Length;

    /// <summary>The next <paramref name="count"/> (at most the constructor's request) floats (<see cref="DrawKind.Normal"/> or <see cref="DrawKind.SymmetricUniform"/>); valid until the next call.</summary>
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
