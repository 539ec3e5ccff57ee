using System.Collections.ObjectModel;

namespace ReluKernels.Analysis;

/// <summary>
/// Exact propagation of a 2-D input through ReLU layers: carries a layer's output on the square Ω = [−r, r]² as a list
/// of convex polygons partitioning Ω, each with the affine function every neuron equals on it, so deadness and collapse
/// are decided exactly rather than estimated on a grid.
/// </summary>
/// <remarks>
/// <para><b>A layer.</b> On each polygon the pre-activations are affine: their coefficients are composed from the previous
/// layer's (<c>Dx = Σ W[j, i]·Dx_i</c>, likewise Dy, and <c>Offset = b_j + Σ W[j, i]·Offset_i</c>, fused multiply-adds
/// over i ascending, the generic kernel's order). For ReLU, neuron by neuron, each polygon on which the pre-activation
/// has strictly opposite signs at two vertices is cut along its zero line (Sutherland–Hodgman against the half-planes
/// z ≥ 0 and z ≤ 0); on each piece the neuron is then the pre-activation or 0. Polygons are never merged, so the
/// partition refines the activation regions.</para>
/// <para><b>Tie policy</b> (the one of <see cref="PiecewiseLinearPropagator"/>). Signs are decided at the vertices, with
/// the affine function evaluated in double (<see cref="PlanarAffine.At"/>). A vertex where it is exactly 0 belongs to
/// both sides. A crossing within <see cref="SnapDistance"/>·r of an edge's end is placed on that end, whose value is
/// then taken as 0: crossings that coincide in exact arithmetic would otherwise leave slivers a few ulps wide. A cut
/// that would leave a piece narrower than that (area ≤ SnapDistance·r × half its perimeter) is not made: the whole
/// polygon goes to the other side, as in 1-D, where all points are more than 16ε·r apart. On a
/// polygon the neuron keeps its pre-activation only when it is &gt; 0 at some vertex; ≤ 0 at every vertex gives the
/// exact zero function.</para>
/// <para><b>Verdicts</b> are exact in the representation: a neuron is <see cref="NeuronState.DeadZero"/> when its
/// function is zero on every polygon (for ReLU: pre-activation ≤ 0 at every vertex of every polygon),
/// <see cref="NeuronState.DeadConstant"/> when it has a zero gradient on every polygon and the same constant on all, and
/// <see cref="NeuronState.Active"/> otherwise. A layer is identically zero when all its neurons are DeadZero; every
/// later function is then constant with bit-identical offsets on all polygons.</para>
/// <para><b>Cost.</b> O(polygons × width × (width + vertices)) per layer; the polygon count is at most the number of
/// activation regions, small for narrow nets (tens to hundreds for width 4, depth 10). Beyond
/// <see cref="MaxRegions"/> polygons <see cref="ApplyLayer"/> throws rather than exhaust memory. Unlike the 1-D
/// propagator this one allocates per layer (polygons, their vertices and functions): it is meant to be run once per
/// trained network, not inside a Monte-Carlo loop. An instance is not thread-safe.</para>
/// </remarks>
public sealed class PlanarPropagator
{
    /// <summary>Default <see cref="MaxRegions"/>.</summary>
    public const int DefaultMaxRegions = 1 << 20;

    /// <summary>
    /// Crossings closer than this multiple of r to a vertex are placed on the vertex: 16 ulps of r, as in
    /// <see cref="PiecewiseLinearPropagator"/>, a few times the rounding error of a computed crossing.
    /// </summary>
    public const double SnapDistance = 16 * 2.220446049250313e-16;

    private List<PlanarRegion> _regions = [];
    private NeuronState[] _states = [];
    private double _radius;

    /// <summary>Creates a propagator that refuses to hold more than <paramref name="maxRegions"/> polygons.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRegions"/> is less than 1.</exception>
    public PlanarPropagator(int maxRegions = DefaultMaxRegions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRegions, 1);
        MaxRegions = maxRegions;
    }

    /// <summary>The most polygons a layer may need; more make <see cref="ApplyLayer"/> throw.</summary>
    public int MaxRegions { get; }

    /// <summary>r of the current domain Ω = [−r, r]².</summary>
    public double Radius => _radius;

    /// <summary>Neurons of the current layer (2, the coordinates, right after <see cref="Start"/>).</summary>
    public int Width => _states.Length;

    /// <summary>The current partition of Ω into convex polygons, each with every neuron's function on it.</summary>
    /// <remarks>Replaced (not mutated) by the next <see cref="Start"/> or <see cref="ApplyLayer"/>.</remarks>
    public ReadOnlyCollection<PlanarRegion> Regions => _regions.AsReadOnly();

    /// <summary>Starts a new network: the current layer becomes the input (x, y) on the square [−r, r]².</summary>
    /// <param name="radius">r &gt; 0, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radius"/> is not positive and finite.</exception>
    public void Start(double radius)
    {
        AnalysisArguments.CheckRadius(radius);
        _radius = radius;
        PlanarPoint[] square = [new(-radius, -radius), new(radius, -radius), new(radius, radius), new(-radius, radius)];
        _regions = [new PlanarRegion(square, [new PlanarAffine(1, 0, 0), new PlanarAffine(0, 1, 0)])];
        _states = [NeuronState.Active, NeuronState.Active];
    }

    /// <summary>
    /// Replaces the current layer by <c>σ(W a + b)</c> of it, σ = ReLU when <paramref name="relu"/>, else the identity,
    /// and classifies the new layer's neurons.
    /// </summary>
    /// <param name="weights">W row-major <c>[fanOut, fanIn]</c>, fanIn = <see cref="Width"/>.</param>
    /// <param name="biases">b of length <paramref name="fanOut"/>, or empty for a bias-free layer.</param>
    /// <param name="fanOut">Neurons of the new layer, at least 1.</param>
    /// <param name="relu">Whether the layer applies ReLU.</param>
    /// <returns>Whether the new layer is identically zero, and how many of its neurons are dead.</returns>
    /// <exception cref="InvalidOperationException">
    /// <see cref="Start"/> has not been called, or the layer needs more than <see cref="MaxRegions"/> polygons.
    /// </exception>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public LayerReport ApplyLayer(ReadOnlySpan<double> weights, ReadOnlySpan<double> biases, int fanOut, bool relu)
    {
        if (_regions.Count == 0)
            throw new InvalidOperationException("Call Start(radius) before propagating or querying.");
        ArgumentOutOfRangeException.ThrowIfLessThan(fanOut, 1);
        int fanIn = Width;
        AnalysisArguments.CheckLayerSpans(weights.Length, biases.Length, fanOut, fanIn);

        var next = new List<PlanarRegion>(_regions.Count);
        double snap = SnapDistance * _radius;
        foreach (var region in _regions)
        {
            var pre = Compose(region.MapArray, weights, biases, fanOut);
            if (relu)
                Rectify(region.VertexArray, pre, [.. pre], 0, snap, next);
            else
                Add(next, new PlanarRegion(region.VertexArray, pre));
        }
        _regions = next;
        return Classify(fanOut);
    }

    /// <summary>The state of neuron <paramref name="neuron"/> (0-based) of the current layer on Ω.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="neuron"/> is not in 0..<see cref="Width"/> − 1.</exception>
    public NeuronState StateOf(int neuron)
    {
        if ((uint)neuron >= (uint)_states.Length)
            throw new ArgumentOutOfRangeException(nameof(neuron), neuron, $"neuron must be in 0..{_states.Length - 1} (the current width is {_states.Length}).");
        return _states[neuron];
    }

    /// <summary>Pre-activations on one polygon, in the generic kernel's order (bias, then FMA over inputs ascending).</summary>
    private static PlanarAffine[] Compose(PlanarAffine[] input, ReadOnlySpan<double> weights, ReadOnlySpan<double> biases, int fanOut)
    {
        var pre = new PlanarAffine[fanOut];
        int fanIn = input.Length;
        for (int j = 0; j < fanOut; j++)
        {
            double dx = 0, dy = 0, offset = biases.IsEmpty ? 0 : biases[j];
            var w = weights.Slice(j * fanIn, fanIn);
            for (int i = 0; i < fanIn; i++)
            {
                dx = Math.FusedMultiplyAdd(w[i], input[i].Dx, dx);
                dy = Math.FusedMultiplyAdd(w[i], input[i].Dy, dy);
                offset = Math.FusedMultiplyAdd(w[i], input[i].Offset, offset);
            }
            pre[j] = new PlanarAffine(dx, dy, offset);
        }
        return pre;
    }

    /// <summary>
    /// Applies ReLU to neurons <paramref name="neuron"/>.. of <paramref name="polygon"/>, cutting it where one changes
    /// sign; <paramref name="output"/> holds the finished neurons' functions (and the rest's pre-activations).
    /// </summary>
    private void Rectify(PlanarPoint[] polygon, PlanarAffine[] pre, PlanarAffine[] output, int neuron, double snap, List<PlanarRegion> sink)
    {
        for (int j = neuron; j < pre.Length; j++)
        {
            switch (HalfPlaneSplit.Split(polygon, pre[j], snap, out var positive, out var negative))
            {
                case PolygonSide.Positive:
                    continue;
                case PolygonSide.NonPositive:
                    output[j] = default;
                    continue;
                default:
                    Rectify(positive!, pre, [.. output], j + 1, snap, sink);
                    output[j] = default;
                    Rectify(negative!, pre, output, j + 1, snap, sink);
                    return;
            }
        }
        Add(sink, new PlanarRegion(polygon, output));
    }

    private void Add(List<PlanarRegion> sink, PlanarRegion region)
    {
        if (sink.Count == MaxRegions)
            throw new InvalidOperationException(
                $"The layer needs more than {MaxRegions} polygons (the cap this PlanarPropagator was constructed with); the network has too many linear regions for exact 2-D analysis.");
        sink.Add(region);
    }

    private LayerReport Classify(int width)
    {
        _states = new NeuronState[width];
        int dead = 0, zero = 0;
        for (int j = 0; j < width; j++)
        {
            var first = _regions[0].MapArray[j];
            bool isZero = true, constant = first.IsConstant;
            foreach (var region in _regions)
            {
                var f = region.MapArray[j];
                isZero &= f.IsZero;
                constant &= f.IsConstant && f.Offset == first.Offset;
            }
            var state = isZero ? NeuronState.DeadZero : constant ? NeuronState.DeadConstant : NeuronState.Active;
            _states[j] = state;
            if (state != NeuronState.Active)
                dead++;
            if (state == NeuronState.DeadZero)
                zero++;
        }
        return new LayerReport(zero == width, dead, zero);
    }
}
