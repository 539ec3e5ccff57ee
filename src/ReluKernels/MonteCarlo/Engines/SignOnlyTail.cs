using System.Numerics;
using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Finishes a lane whose network has reached a state in which only signs matter: one side of x = 0 is dead and the other
/// alive, or both sides are carried by parallel vectors (a⁻ = c·a⁺, c &gt; 0). From there each later layer kills the
/// surviving direction with probability exactly 2^−n (its n pre-activations are i.i.d. symmetric, so all are ≤ 0 with
/// probability 2^−n: Lemma 7's argument), independently of every other layer, and the network is not constant until it
/// does. The layer of death is therefore the current layer plus a geometric number of layers; it is drawn here from one
/// uniform instead of simulating those layers with 2n normals each. Layer 1 of a bias-free network is sign-only or
/// trivially two-sided, so it is decided here too (<see cref="FinishOneSidedStarts"/>).
/// </summary>
/// <remarks>
/// Inversion compares the uniform with survival thresholds (1 − 2^−n)^k built by repeated IEEE multiplication, not with
/// a logarithm, so the draw is bit-identical on every ISA and machine. The law is the geometric one up to double rounding:
/// each threshold is within k·2^−53 (relative) of the exact value and the uniform has 53 bits; for n ≥ 54 the per-layer
/// death probability 2^−n rounds to 0, a lane that is never reached in practice (it needs a layer dead at one input).
/// </remarks>
internal sealed class SignOnlyTail
{
    private readonly int _depth;
    private readonly double _layerDeath;
    private readonly double[] _thresholds;
    private readonly double[] _uniforms = new double[256];
    private int _next;

    public SignOnlyTail(int width, int depth)
    {
        _depth = depth;
        // _thresholds[k − 1] = P(still alive k layers later) = (1 − 2^−n)^k for k = 1..depth, padded with −1 (never above
        // a uniform) to whole vectors.
        _layerDeath = Math.ScaleB(1, -width);
        double keep = 1 - _layerDeath, survival = 1;
        _thresholds = new double[(depth + Vector512<double>.Count - 1) / Vector512<double>.Count * Vector512<double>.Count];
        Array.Fill(_thresholds, -1.0);
        for (int k = 1; k <= depth; k++)
            _thresholds[k - 1] = survival *= keep;
        _next = _uniforms.Length;
    }

    /// <summary>Forgets buffered uniforms; call when switching to another stream.</summary>
    public void Restart() => _next = _uniforms.Length;

    /// <summary>
    /// Draws layer 1 of <paramref name="trials"/> fresh bias-free networks from signs alone and returns how many go on to
    /// the lanes. Layer 1's pre-activations at x = ±1 are (w, −w), so with probability 2^−n all of w is ≤ 0 (dead at
    /// x = +1) and with 2^−n all is ≥ 0 (dead at x = −1). Those networks are sign-only from layer 1 and are finished and
    /// recorded here; the others are alive on both sides and continue from layer 1 in a stepper whose
    /// <see cref="ILaneStepper.ResetLayer"/> is 1 (at depth 1 they are finished here too, as survivors).
    /// </summary>
    /// <remarks>
    /// One uniform per network, compared eight at a time, so the common two-sided case costs no branch: at width 2 half
    /// the networks are one-sided, and a per-network branch would be mispredicted half the time.
    /// </remarks>
    public int FinishOneSidedStarts(int trials, CollapseTally tally, bool probeOnPlusSide, ref CounterRng rng)
    {
        const int Chunk = 256, Step = 8;
        Span<double> u = stackalloc double[Chunk];
        var oneSided = Vector512.Create(2 * _layerDeath);
        int twoSided = 0;
        for (int start = 0; start < trials; start += Chunk)
        {
            // A whole chunk (8 Philox blocks) even for the last few networks, so the stream stays block-aligned.
            rng.FillUniform(u);
            int count = Math.Min(Chunk, trials - start);
            for (int i = 0; i < count; i += Step)
            {
                int inStep = Math.Min(Step, count - i);
                uint bits = (uint)Vector512.LessThan(Vector512.LoadUnsafe(ref u[0], (nuint)i), oneSided).ExtractMostSignificantBits()
                    & ((1u << inStep) - 1);
                twoSided += inStep - BitOperations.PopCount(bits);
                for (; bits != 0; bits &= bits - 1)
                {
                    bool plusDead = u[i + BitOperations.TrailingZeroCount(bits)] < _layerDeath;
                    int death = DeathLayer(1, ref rng);
                    tally.Record(death, plusDead == probeOnPlusSide ? 1 : death);
                }
            }
        }
        if (_depth > 1)
            return twoSided;
        for (int i = 0; i < twoSided; i++)
            tally.Record(0, 0);
        return 0;
    }

    /// <summary>
    /// The first layer after <paramref name="layer"/> at which a lane that reached a sign-only state at
    /// <paramref name="layer"/> is dead, or 0 if it is still alive at the last layer.
    /// </summary>
    public int DeathLayer(int layer, ref CounterRng rng)
    {
        double u = NextUniform(ref rng);
        // Dead within k layers ⇔ u ≥ (1 − 2^−n)^k. The thresholds decrease in k, so those above u are a prefix 1..c and
        // the death comes k = c + 1 layers later. Counting them with vector compares, rather than a binary search, has no
        // data-dependent branch to mispredict: at width 2 the search's branches cost more than the layers it replaces.
        var v = Vector512.Create(u);
        int above = 0;
        ref double t = ref _thresholds[0];
        for (int i = 0; i < _thresholds.Length; i += Vector512<double>.Count)
            above += BitOperations.PopCount(Vector512.LessThan(v, Vector512.LoadUnsafe(ref t, (nuint)i)).ExtractMostSignificantBits());
        return above >= _depth - layer ? 0 : layer + above + 1;
    }

    private double NextUniform(ref CounterRng rng)
    {
        if (_next == _uniforms.Length)
        {
            // 256 doubles are 8 whole Philox blocks, so the stream stays block-aligned for the normals drawn after them.
            rng.FillUniform(_uniforms);
            _next = 0;
        }
        return _uniforms[_next++];
    }
}
