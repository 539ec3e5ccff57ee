using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Function-space step for Gaussian weights without biases. Each lane's whole state is the Gram matrix
/// G = [[a⁺·a⁺, a⁺·a⁻], [a⁺·a⁻, a⁻·a⁻]] of the current layer's outputs a⁺ = x_l(+1), a⁻ = x_l(−1): the next layer's
/// pre-activations (w_i·a⁺, w_i·a⁻) are, row by row, independent N(0, σ²G), so they are drawn as L·(g₁, g₂) with L the
/// Cholesky factor of G — 2·width normals per layer instead of width² weights. σ is dropped: zero patterns are invariant
/// under positive scaling, and G is rescaled by a power of two to a trace in [1, 2) every layer, to keep float far from
/// overflow and underflow.
/// </summary>
/// <remarks>
/// Degenerate Gram matrices must be exact, not rounded. Once a single neuron carries both sides, a⁻ = c·a⁺ for every
/// later layer, and a rounded residual variance would give z⁻ a spurious independent part and flip signs; such lanes (and
/// lanes dead on one side) are reported as sign-only and finished by <see cref="SignOnlyTail"/>, so no Step ever sees a
/// parallel Gram. With continuous weights no other event makes a⁺ and a⁻ parallel.
/// </remarks>
internal struct FunctionSpaceStepper : ILaneStepper
{
    private const int Lanes = ILaneStepper.Lanes;
    private readonly int _width;
    private readonly DrawBuffer _normals;
    private Vector512<float> _g11, _g12, _g22;

    public FunctionSpaceStepper(int width)
    {
        _width = width;
        _normals = new DrawBuffer(2 * width * Lanes, uniform: false);
    }

    public readonly void Restart() => _normals.Restart();

    /// <remarks>
    /// Layer 1 needs no normals. Its pre-activations are (w, −w), so a⁺ = relu(w) and a⁻ = relu(−w) have disjoint supports
    /// and a⁺·a⁻ = 0; the scheduler has already drawn whether all of w has one sign (one side dead, finished by
    /// <see cref="SignOnlyTail.FinishOneSidedStarts"/>). Otherwise both sides are alive, and their lengths do not matter:
    /// scaling one side by c &gt; 0 scales all its later pre-activations by c and changes no sign. So a fresh lane starts
    /// at layer 1 with G = I.
    /// </remarks>
    public readonly int ResetLayer => 1;

    public void Reset(Vector512<int> lanes)
    {
        var mask = lanes.AsSingle();
        _g11 = Vector512.ConditionalSelect(mask, Vector512<float>.One, _g11);
        _g12 = Vector512.ConditionalSelect(mask, Vector512<float>.Zero, _g12);
        _g22 = Vector512.ConditionalSelect(mask, Vector512<float>.One, _g22);
    }

    public void Step(ref CounterRng rng, out Vector512<int> zeroAtPlus, out Vector512<int> zeroAtMinus, out Vector512<int> signOnly)
    {
        var normals = _normals.Take(2 * _width * Lanes, ref rng);
        var zero = Vector512<float>.Zero;
        var one = Vector512<float>.One;
        var l11 = Vector512.Sqrt(_g11);
        var l21 = Vector512.ConditionalSelect(Vector512.GreaterThan(_g11, zero), _g12 / l11, zero);
        var l22 = Vector512.Sqrt(Vector512.Max(_g22 - l21 * l21, zero));

        ref float g = ref normals[0];
        Vector512<float> s11 = zero, s12 = zero, s22 = zero, alive = zero, aliveBoth = zero, anyPlus = zero, anyMinus = zero;
        for (int j = 0; j < _width; j++)
        {
            var g1 = Vector512.LoadUnsafe(ref g, (nuint)(j * Lanes));
            var g2 = Vector512.LoadUnsafe(ref g, (nuint)((_width + j) * Lanes));
            var plus = Vector512.Max(l11 * g1, zero);
            var minus = Vector512.Max(Vector512.FusedMultiplyAdd(l21, g1, l22 * g2), zero);
            s11 = Vector512.FusedMultiplyAdd(plus, plus, s11);
            s12 = Vector512.FusedMultiplyAdd(plus, minus, s12);
            s22 = Vector512.FusedMultiplyAdd(minus, minus, s22);
            var onPlus = Vector512.GreaterThan(plus, zero);
            var onMinus = Vector512.GreaterThan(minus, zero);
            anyPlus |= onPlus;
            anyMinus |= onMinus;
            alive += (onPlus | onMinus) & one;
            aliveBoth += (onPlus & onMinus) & one;
        }
        var parallel = Vector512.Equals(alive, one) & Vector512.Equals(aliveBoth, one);

        var scale = PowerOfTwoScale.InverseOf(s11 + s22);
        _g11 = s11 * scale;
        _g12 = s12 * scale;
        _g22 = s22 * scale;
        // Zero is decided from the signs, not from s11 = Σ relu(z)², which could underflow.
        zeroAtPlus = ~anyPlus.AsInt32();
        zeroAtMinus = ~anyMinus.AsInt32();
        signOnly = ((anyPlus ^ anyMinus) | parallel).AsInt32();
    }
}

/// <summary>The function-space engine (<see cref="EngineKind.FunctionSpace"/>).</summary>
internal sealed class FunctionSpaceEngine(CollapseExperiment experiment) : CollapseEngine(experiment)
{
    private FunctionSpaceStepper _first = new(experiment.Width), _second = new(experiment.Width);
    private readonly SignOnlyTail _tail = new(experiment.Width, experiment.Depth);

    public override void Run(ref CounterRng rng, int trials, CollapseTally tally) =>
        LaneScheduler.Run(ref _first, ref _second, _tail, Experiment, ref rng, trials, tally);
}
