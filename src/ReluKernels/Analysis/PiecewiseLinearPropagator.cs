using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReluKernels.Analysis;

/// <summary>
/// Exact propagation of a 1-D input through ReLU layers: carries a layer's output on Ω = [−r, r] as a continuous
/// piecewise-linear function (docs/definitions.md#exactness-of-detection, method 2), so deadness, collapse and linear regions are decided exactly
/// rather than estimated.
/// </summary>
/// <remarks>
/// <para><b>Representation.</b> A sorted list of points <c>−r = x₀ &lt; x₁ &lt; … &lt; x_P = r</c> shared by all
/// neurons, and every neuron's value at every point; between consecutive points every neuron is affine.</para>
/// <para><b>A layer.</b> The pre-activations at the existing points are computed in the generic kernel's order
/// (<c>z = b</c>, then <c>z = FusedMultiplyAdd(W[j, i], a_i, z)</c> for i ascending), so
/// at the endpoints ±r they equal a direct forward pass (up to the sign of a zero). Each pre-activation is affine
/// between consecutive points; for ReLU, wherever it has strictly opposite signs at the two ends of an interval, a point
/// is inserted at its zero <c>x₀ + t(x₁ − x₀)</c>, <c>t = z₀ / (z₀ − z₁)</c>, and every neuron's pre-activation there
/// is interpolated from the interval's ends (exact for affine pieces). Points where every neuron is locally constant
/// (equal values at the point and both neighbours) are dropped. Nothing else is ever merged, except that a crossing
/// within 16 ulps of r of an existing point is placed on that point (see <c>SnapDistance</c>), so all points are more
/// than 16ε·r apart.</para>
/// <para><b>Cost and memory.</b> Construct once and reuse: buffers are sized for <c>maxWidth</c> neurons and a point
/// capacity that grows geometrically only when a network needs more points than any before it, so steady-state use
/// allocates nothing. An instance is not thread-safe; use one per thread.</para>
/// <para>Parameters and radius must be finite. Rounding: values at inserted points carry interpolation rounding
/// (relative ~1e-16 per layer); a crossing within rounding of an existing point is snapped to it.</para>
/// </remarks>
public sealed partial class PiecewiseLinearPropagator
{
    /// <summary>Default <c>pointCapacity</c>.</summary>
    public const int InitialPointCapacity = 64;

    /// <summary>
    /// Two points closer than this multiple of r are one point: 16 ulps of r, a few times the rounding error of a computed
    /// crossing <c>x₀ + t(x₁ − x₀)</c>. Crossings that coincide in exact arithmetic (e.g. of proportional neurons) would
    /// otherwise land a few ulps apart and the slopes across those slivers would be pure rounding noise.
    /// </summary>
    private const double SnapDistance = 16 * 2.220446049250313e-16;

    private readonly int _maxWidth;
    private double[] _x;      // points of the current representation, endpoints included
    private double[] _v;      // values, point-major: _v[p * _width + j]
    private double[] _xNext;  // the representation being built by ApplyLayer, then swapped in
    private double[] _vNext;
    private double[] _z;      // pre-activations at the current points, point-major with stride _zStride
    private int _zStride;     // fanOut of the layer being applied, padded to whole vectors
    private readonly double[] _wt; // Wᵀ of the layer being applied, [fanIn, fanOut padded to whole vectors]
    private readonly double[] _paddedBias; // b of the layer being applied, padded like a row of _wt
    private readonly double[] _crossT;   // zero crossings of one interval: parameter t in [0, 1] ...
    private readonly int[] _crossNeuron; // ... and the neuron, sorted by t
    private readonly NeuronState[] _states;
    private int _points;
    private int _width;
    private double _radius;

    /// <summary>Creates a propagator for layers of at most <paramref name="maxWidth"/> neurons.</summary>
    /// <param name="maxWidth">The widest layer it will carry.</param>
    /// <param name="pointCapacity">
    /// Breakpoints (endpoints included) to reserve room for. Buffers grow beyond it when a network needs more; a
    /// Monte-Carlo loop that must not allocate reserves generously up front.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> or <paramref name="pointCapacity"/> is too small.</exception>
    public PiecewiseLinearPropagator(int maxWidth = ShapeLimits.MaxWidth, int pointCapacity = InitialPointCapacity)
    {
        if (maxWidth < 1)
            throw new ArgumentOutOfRangeException(nameof(maxWidth), maxWidth, "maxWidth must be at least 1.");
        if (pointCapacity < 2)
            throw new ArgumentOutOfRangeException(nameof(pointCapacity), pointCapacity, "pointCapacity must be at least 2 (the two endpoints).");
        _maxWidth = maxWidth;
        _x = new double[pointCapacity];
        _xNext = new double[pointCapacity];
        _v = new double[pointCapacity * maxWidth];
        _vNext = new double[pointCapacity * maxWidth];
        _z = new double[pointCapacity * PaddedWidth(maxWidth)];
        _wt = new double[maxWidth * PaddedWidth(maxWidth)];
        _paddedBias = new double[PaddedWidth(maxWidth)];
        _crossT = new double[maxWidth];
        _crossNeuron = new int[maxWidth];
        _states = new NeuronState[maxWidth];
    }

    /// <summary>The widest layer this instance accepts.</summary>
    public int MaxWidth => _maxWidth;

    /// <summary>Starts a new network: the current representation becomes the input layer, the identity x on [−r, r].</summary>
    /// <param name="radius">r &gt; 0, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radius"/> is not positive and finite.</exception>
    public void Start(double radius)
    {
        if (!(radius > 0) || double.IsPositiveInfinity(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius of Ω = [-r, r] must be positive and finite.");
        _radius = radius;
        _points = 2;
        _width = 1;
        _x[0] = -radius;
        _x[1] = radius;
        _v[0] = -radius;
        _v[1] = radius;
        _states[0] = NeuronState.Active;
    }

    /// <summary>
    /// Replaces the current representation by <c>x ↦ σ(W x + b)</c> of it, σ = ReLU when <paramref name="relu"/>,
    /// else the identity, and classifies the new layer's neurons.
    /// </summary>
    /// <param name="weights">W row-major <c>[fanOut, fanIn]</c>, fanIn = <see cref="Width"/> (1 right after <see cref="Start"/>).</param>
    /// <param name="biases">b of length <paramref name="fanOut"/>, or empty for a bias-free layer.</param>
    /// <param name="fanOut">Neurons of the new layer, 1..<see cref="MaxWidth"/>.</param>
    /// <param name="relu">Whether the layer applies ReLU.</param>
    /// <returns>Whether the new layer is identically zero, and how many of its neurons are dead.</returns>
    /// <exception cref="InvalidOperationException"><see cref="Start"/> has not been called.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanOut"/> is out of range.</exception>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public LayerReport ApplyLayer(ReadOnlySpan<double> weights, ReadOnlySpan<double> biases, int fanOut, bool relu)
    {
        RequireStarted();
        if (fanOut < 1 || fanOut > _maxWidth)
            throw new ArgumentOutOfRangeException(nameof(fanOut), fanOut,
                $"fanOut must be in 1..{_maxWidth} (the maxWidth this propagator was constructed with).");
        int fanIn = _width;
        AnalysisArguments.CheckLayerSpans(weights.Length, biases.Length, fanOut, fanIn);

        ComputePreActivations(weights, biases, fanOut, fanIn);
        int count;
        if (relu)
        {
            EnsureNextCapacity(_points + CountCrossings());
            count = EmitWithKinks(fanOut);
        }
        else
        {
            EnsureNextCapacity(_points);
            Array.Copy(_x, _xNext, _points);
            for (int p = 0; p < _points; p++)
                Array.Copy(_z, p * _zStride, _vNext, p * fanOut, fanOut);
            count = _points;
        }
        count = DropFlatPoints(_xNext, _vNext, count, fanOut);

        (_x, _xNext) = (_xNext, _x);
        (_v, _vNext) = (_vNext, _v);
        _points = count;
        _width = fanOut;
        return Classify();
    }

    /// <summary>z[p, j] = b_j + Σ_i W[j, i]·a_i(x_p), in the generic kernel's order (equal at the endpoints, up to the sign of 0).</summary>
    private void ComputePreActivations(ReadOnlySpan<double> weights, ReadOnlySpan<double> biases, int fanOut, int fanIn)
    {
        // Rows of Wᵀ, b and z are padded with zeros to whole vectors (_zStride), so a point's pre-activations stay in
        // registers over all inputs and the sign tests below run a vector of neurons at a time; padding lanes are 0, so
        // they never change sign.
        int stride = _zStride = PaddedWidth(fanOut);
        if (_z.Length < _points * stride)
            _z = new double[Math.Max(_points, 2 * (_z.Length / stride)) * stride];
        // Wᵀ makes one input's weights to all neurons contiguous, so the inner loop runs over neurons in SIMD lanes
        // while every z[p, j] still accumulates FusedMultiplyAdd over i ascending, exactly as the generic kernel does.
        var wt = _wt.AsSpan(0, fanIn * stride);
        wt.Clear();
        for (int j = 0; j < fanOut; j++)
            for (int i = 0; i < fanIn; i++)
                wt[i * stride + j] = weights[j * fanIn + i];
        var bias = _paddedBias.AsSpan(0, stride);
        bias.Clear();
        biases.CopyTo(bias);

        var z = _z.AsSpan(0, _points * stride);
        var v = _v.AsSpan(0, _points * fanIn);
        for (int p = 0; p < _points; p++)
            PreActivationsAt(v.Slice(p * fanIn, fanIn), wt, bias, z.Slice(p * stride, stride));
    }

    /// <summary>
    /// row_j = FusedMultiplyAdd over the inputs a_i, i ascending, of Wᵀ[i, j]·a_i onto b_j, one or two vectors of neurons
    /// at a time (Vector512 is evaluated element by element with the same IEEE result where AVX-512 is absent). A zero
    /// input is not skipped: FMA(w, 0, z) = z for finite w up to the sign of a zero, which ReLU and every comparison
    /// ignore, and a data-dependent branch per input costs more than the multiply-add.
    /// </summary>
    private static void PreActivationsAt(ReadOnlySpan<double> input, ReadOnlySpan<double> wt, ReadOnlySpan<double> bias, Span<double> row)
    {
        int stride = row.Length;
        ref double w = ref MemoryMarshal.GetReference(wt);
        int c = 0;
        for (; c + 2 * Lanes <= stride; c += 2 * Lanes)
        {
            // Two independent accumulators: the two FMA chains overlap in the core.
            var acc0 = Vector512.Create(bias.Slice(c, Lanes));
            var acc1 = Vector512.Create(bias.Slice(c + Lanes, Lanes));
            for (int i = 0; i < input.Length; i++)
            {
                var a = Vector512.Create(input[i]);
                acc0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, (nuint)(i * stride + c)), a, acc0);
                acc1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, (nuint)(i * stride + c + Lanes)), a, acc1);
            }
            acc0.CopyTo(row.Slice(c, Lanes));
            acc1.CopyTo(row.Slice(c + Lanes, Lanes));
        }
        for (; c < stride; c += Lanes)
        {
            var acc = Vector512.Create(bias.Slice(c, Lanes));
            for (int i = 0; i < input.Length; i++)
                acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, (nuint)(i * stride + c)), Vector512.Create(input[i]), acc);
            acc.CopyTo(row.Slice(c, Lanes));
        }
    }

    /// <summary>Doubles per <see cref="Vector512{T}"/>.</summary>
    private const int Lanes = 8;

    /// <summary><paramref name="width"/> rounded up to whole <see cref="Vector512{T}"/>s of doubles.</summary>
    private static int PaddedWidth(int width) => (width + Lanes - 1) / Lanes * Lanes;

    /// <summary>
    /// Bit j set where neuron c + j's pre-activation has strictly opposite signs at the two points (z rows from
    /// <paramref name="left"/> and <paramref name="right"/>, neurons c..c + 7): branch-free, since signs of random
    /// networks are unpredictable and a mispredicted branch per neuron and interval cost more than the rest of the layer.
    /// </summary>
    private uint SignChanges(int left, int right, int c)
    {
        ref double z = ref _z[0];
        var a = Vector512.LoadUnsafe(ref z, (nuint)(left + c));
        var b = Vector512.LoadUnsafe(ref z, (nuint)(right + c));
        var zero = Vector512<double>.Zero;
        var opposite = (Vector512.LessThan(a, zero) & Vector512.GreaterThan(b, zero)) | (Vector512.GreaterThan(a, zero) & Vector512.LessThan(b, zero));
        return (uint)opposite.ExtractMostSignificantBits();
    }

    /// <summary>An upper bound on the points ReLU inserts: strict sign changes over all intervals and neurons.</summary>
    private int CountCrossings()
    {
        int count = 0, stride = _zStride;
        for (int k = 0; k + 1 < _points; k++)
            for (int c = 0; c < stride; c += Lanes)
                count += BitOperations.PopCount(SignChanges(k * stride, (k + 1) * stride, c));
        return count;
    }

    private void EnsureNextCapacity(int points)
    {
        if (_xNext.Length >= points)
            return;
        int capacity = Math.Max(points, 2 * _xNext.Length);
        _xNext = new double[capacity];
        _vNext = new double[capacity * _maxWidth];
    }

    /// <summary>Writes ReLU of the pre-activations into the next buffers, inserting a point at every zero crossing.</summary>
    /// <returns>The number of points written.</returns>
    private int EmitWithKinks(int fanOut)
    {
        int stride = _zStride;
        var xOut = _xNext;
        var vOut = _vNext;
        int o = 0;
        for (int k = 0; k < _points; k++)
        {
            xOut[o] = _x[k];
            var zk = _z.AsSpan(k * stride, fanOut);
            var row = vOut.AsSpan(o * fanOut, fanOut);
            for (int j = 0; j < fanOut; j++)
                row[j] = Math.Max(zk[j], 0);
            o++;
            if (k + 1 == _points)
                break;

            int crossings = CollectCrossings(k);
            if (crossings > 0)
                o = EmitCrossings(k, o, crossings, fanOut);
        }
        return o;
    }

    /// <summary>Sorted (by t, ties by neuron) zero crossings strictly inside interval k.</summary>
    private int CollectCrossings(int k)
    {
        int n = 0, stride = _zStride, left = k * stride, right = left + stride;
        for (int c = 0; c < stride; c += Lanes)
        {
            for (uint bits = SignChanges(left, right, c); bits != 0; bits &= bits - 1)
            {
                int j = c + BitOperations.TrailingZeroCount(bits);
                double a = _z[left + j], b = _z[right + j];
                // |a| / (|a| + |b|): no cancellation, and the result lies in [0, 1] after rounding.
                double t = a / (a - b);
                int slot = n++;
                while (slot > 0 && _crossT[slot - 1] > t)
                {
                    _crossT[slot] = _crossT[slot - 1];
                    _crossNeuron[slot] = _crossNeuron[slot - 1];
                    slot--;
                }
                _crossT[slot] = t;
                _crossNeuron[slot] = j;
            }
        }
        return n;
    }

    /// <summary>Inserts the crossings of interval k (already collected) after output point <paramref name="o"/> − 1.</summary>
    private int EmitCrossings(int k, int o, int crossings, int fanOut)
    {
        double x0 = _x[k], x1 = _x[k + 1], h = x1 - x0;
        double snap = SnapDistance * _radius;
        var za = _z.AsSpan(k * _zStride, fanOut);
        var zb = _z.AsSpan((k + 1) * _zStride, fanOut);
        for (int c = 0; c < crossings; c++)
        {
            double t = _crossT[c];
            int neuron = _crossNeuron[c];
            double x = x0 + t * h;
            if (x - _xNext[o - 1] <= snap)
            {
                // Within rounding of the last point written (x0 or an earlier crossing): the same point. Make the
                // neuron zero there; its value beyond it has the sign of zb, as it should.
                _vNext[(o - 1) * fanOut + neuron] = 0;
                continue;
            }
            if (x1 - x <= snap)
            {
                // Within rounding of the interval's right end: make the pre-activation zero there instead.
                zb[neuron] = 0;
                continue;
            }
            _xNext[o] = x;
            var row = _vNext.AsSpan(o * fanOut, fanOut);
            for (int j = 0; j < fanOut; j++)
                row[j] = Math.Max(za[j] + t * (zb[j] - za[j]), 0);
            row[neuron] = 0;
            o++;
        }
        return o;
    }

    /// <summary>
    /// Removes interior points at which every neuron has equal values at the point and at both neighbours: there every
    /// neuron is constant on both sides, so the point carries no information. Compacts in place.
    /// </summary>
    private static int DropFlatPoints(double[] x, double[] v, int count, int width)
    {
        int write = 1;
        for (int k = 1; k + 1 < count; k++)
        {
            if (IsFlat(v, write - 1, k, width))
                continue;
            if (write != k)
            {
                x[write] = x[k];
                Array.Copy(v, k * width, v, write * width, width);
            }
            write++;
        }
        x[write] = x[count - 1];
        if (write != count - 1)
            Array.Copy(v, (count - 1) * width, v, write * width, width);
        return write + 1;
    }

    private static bool IsFlat(double[] v, int previous, int k, int width)
    {
        for (int j = 0; j < width; j++)
        {
            double value = v[k * width + j];
            if (v[previous * width + j] != value || v[(k + 1) * width + j] != value)
                return false;
        }
        return true;
    }

    /// <summary>Decides each neuron's state from its values at all points (exact in the representation).</summary>
    private LayerReport Classify()
    {
        int dead = 0, zero = 0;
        var v = _v.AsSpan(0, _points * _width);
        for (int j = 0; j < _width; j++)
        {
            double first = v[j];
            bool constant = true;
            for (int p = 1; p < _points && constant; p++)
                constant = v[p * _width + j] == first;
            var state = !constant ? NeuronState.Active : first == 0 ? NeuronState.DeadZero : NeuronState.DeadConstant;
            _states[j] = state;
            if (state != NeuronState.Active)
                dead++;
            if (state == NeuronState.DeadZero)
                zero++;
        }
        return new LayerReport(zero == _width, dead, zero);
    }

    private void RequireStarted()
    {
        if (_points == 0)
            throw new InvalidOperationException("Call Start(radius) before propagating or querying.");
    }
}
