using System.Numerics;
using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// Finishes networks that have reached a state in which only signs matter: one side of x = 0 is dead and the other alive,
/// or both sides are carried by parallel vectors (a⁻ = c·a⁺, c &gt; 0). From there each later layer kills the surviving
/// direction with probability exactly q = 2^−n (its n pre-activations are i.i.d. symmetric, so all are ≤ 0 with
/// probability 2^−n: Lemma 7's argument), independently of every other layer, and the network is not constant until it
/// does. The layer of death is therefore the current layer plus a geometric number of layers; it is drawn here from one
/// uniform per network instead of simulating those layers with 2n normals each. Layer 1 of a bias-free network is
/// sign-only or trivially two-sided, so it is decided here too (<see cref="FinishOneSidedStarts"/>).
/// </summary>
/// <remarks>
/// <para>Networks are finished in groups that reached the state at the same layer, and only the group's counts are
/// recorded: "alive k layers later" is "uniform below (1 − q)^k", so comparing eight uniforms with each threshold and
/// counting the lanes below it gives the whole histogram of death layers with no per-network branch or store.</para>
/// <para>The thresholds are built by repeated IEEE multiplication, not with a logarithm, so the draw is bit-identical on
/// every ISA and machine. The law is the geometric one up to double rounding: each threshold is within k·2^−53 (relative)
/// of the exact value and the uniform has 53 bits; for n ≥ 54 the per-layer death probability rounds to 0, a case never
/// reached in practice (it needs a layer dead at one input, probability 2^−n).</para>
/// </remarks>
internal sealed class SignOnlyTail
{
    private const int Step = 8; // doubles per Vector512
    private readonly int _depth;
    private readonly bool _probeOnPlusSide;
    private readonly double _layerDeath;
    private readonly double[] _survival;      // [k − 1] = (1 − q)^k: P(still alive k layers later), k = 1..depth
    private readonly long[] _aliveAfter;      // scratch of Finish: [k] = networks of the group alive k layers later
    private readonly double[] _uniforms = new double[256];
    private int _next;

    /// <param name="width">Neurons per hidden layer, n.</param>
    /// <param name="depth">Hidden layers of the networks.</param>
    /// <param name="probeOnPlusSide">Whether the probe input of the tally's zero counts is x &gt; 0.</param>
    public SignOnlyTail(int width, int depth, bool probeOnPlusSide)
    {
        _depth = depth;
        _probeOnPlusSide = probeOnPlusSide;
        _layerDeath = Math.ScaleB(1, -width);
        _survival = new double[depth];
        _aliveAfter = new long[depth + 1];
        double keep = 1 - _layerDeath, survival = 1;
        for (int k = 1; k <= depth; k++)
            _survival[k - 1] = survival *= keep;
        _next = _uniforms.Length;
    }

    /// <summary>Forgets buffered uniforms; call when switching to another stream.</summary>
    public void Restart() => _next = _uniforms.Length;

    /// <summary>
    /// Draws layer 1 of <paramref name="networks"/> fresh bias-free networks from signs alone, finishes the one-sided ones
    /// and returns how many are alive on both sides (their layer-1 state is then a⁺ ⊥ a⁻). Layer 1's pre-activations at
    /// x = ±1 are (w, −w), so with probability 2^−n all of w is ≤ 0 (dead at x = +1) and with 2^−n all is ≥ 0 (dead at
    /// x = −1); one uniform per network decides which. Records their outcomes, not the networks themselves
    /// (<see cref="CollapseTally.AddTrials"/> is the caller's).
    /// </summary>
    public int FinishOneSidedStarts(int networks, CollapseTally tally, ref CounterRng rng)
    {
        var plusDeadBelow = Vector512.Create(_layerDeath);
        var oneSidedBelow = Vector512.Create(2 * _layerDeath);
        int plusDead = 0, oneSided = 0;
        for (int start = 0; start < networks; start += Step)
        {
            var u = NextUniforms(ref rng);
            uint valid = ValidLanes(networks - start);
            plusDead += BitOperations.PopCount((uint)Vector512.LessThan(u, plusDeadBelow).ExtractMostSignificantBits() & valid);
            oneSided += BitOperations.PopCount((uint)Vector512.LessThan(u, oneSidedBelow).ExtractMostSignificantBits() & valid);
        }
        int probeSideDead = _probeOnPlusSide ? plusDead : oneSided - plusDead;
        tally.AddZeroAtProbeFrom(1, probeSideDead);
        Finish(1, probeSideDead, probeSideAlive: false, tally, ref rng);
        Finish(1, oneSided - probeSideDead, probeSideAlive: true, tally, ref rng);
        return networks - oneSided;
    }

    /// <summary>
    /// Draws the layers of death of <paramref name="networks"/> networks that became sign-only at
    /// <paramref name="layer"/> and records them as first dead layers; when the probe's side is the one still alive (or
    /// the sides are parallel), also as the layers from which they are zero at the probe. Networks alive at the last layer
    /// survive and need no record.
    /// </summary>
    public void Finish(int layer, int networks, bool probeSideAlive, CollapseTally tally, ref CounterRng rng)
    {
        int layersLeft = _depth - layer;
        if (networks == 0 || layersLeft == 0)
            return;
        int longest = 0; // the most layers any network of the group lived on; _aliveAfter is zero beyond it
        for (int start = 0; start < networks; start += Step)
        {
            var u = NextUniforms(ref rng);
            uint valid = ValidLanes(networks - start);
            // The thresholds decrease in k, so once no lane is below one, none is below the later ones.
            int k = 1;
            for (; k <= layersLeft; k++)
            {
                uint alive = (uint)Vector512.LessThan(u, Vector512.Create(_survival[k - 1])).ExtractMostSignificantBits() & valid;
                if (alive == 0)
                    break;
                _aliveAfter[k] += BitOperations.PopCount(alive);
            }
            longest = Math.Max(longest, k - 1);
        }
        // Deaths happen only up to one layer past the longest life, so a deep network (depth up to 10⁵) does not pay for
        // every remaining layer at every layer.
        long before = networks;
        for (int k = 1; k <= Math.Min(longest + 1, layersLeft); k++)
        {
            long after = _aliveAfter[k];
            _aliveAfter[k] = 0;
            tally.AddFirstDead(layer + k, before - after);
            if (probeSideAlive)
                tally.AddZeroAtProbeFrom(layer + k, before - after);
            before = after;
        }
    }

    private static uint ValidLanes(int remaining) => remaining >= Step ? 0xFFu : (1u << remaining) - 1;

    /// <summary>The next eight uniforms; lanes a group does not need are discarded, so every draw is a whole vector.</summary>
    private Vector512<double> NextUniforms(ref CounterRng rng)
    {
        if (_next == _uniforms.Length)
        {
            // 256 doubles are 8 whole Philox blocks, so the stream stays block-aligned for the words drawn after them.
            rng.FillUniform(_uniforms);
            _next = 0;
        }
        var u = Vector512.LoadUnsafe(ref _uniforms[0], (nuint)_next);
        _next += Step;
        return u;
    }
}
