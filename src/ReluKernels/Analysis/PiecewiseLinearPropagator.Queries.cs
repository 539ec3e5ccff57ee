namespace ReluKernels.Analysis;

/// <summary>Read-only questions about the current representation; none of them allocates.</summary>
public sealed partial class PiecewiseLinearPropagator
{
    /// <summary>
    /// Two slopes of a neuron on either side of a point count as different when they differ by more than this
    /// fraction of the larger of their magnitudes (plus the rounding slack described in <see cref="LinearRegionCount"/>).
    /// </summary>
    public const double RelativeSlopeTolerance = 1e-9;

    /// <summary>Relative error assumed for a stored value (64 units in the last place) when bounding slope noise.</summary>
    private const double ValueRoundingSlack = 64 * 2.220446049250313e-16;

    /// <summary>Neurons of the current layer (1 after <see cref="Start"/>).</summary>
    public int Width => _width;

    /// <summary>r of the current domain Ω = [−r, r].</summary>
    public double Radius => _radius;

    /// <summary>Interior points of the current representation (the endpoints ±r are not counted).</summary>
    public int BreakpointCount => Math.Max(_points - 2, 0);

    /// <summary>The interior points, sorted ascending. Some may be spurious (no neuron changes slope there); see <see cref="LinearRegionCount"/>.</summary>
    /// <remarks>The span is invalidated by the next <see cref="Start"/> or <see cref="ApplyLayer"/>.</remarks>
    public ReadOnlySpan<double> Breakpoints => _points < 2 ? [] : _x.AsSpan(1, _points - 2);

    /// <summary>All points of the current representation, sorted ascending, endpoints −r and r included.</summary>
    /// <remarks>The span is invalidated by the next <see cref="Start"/> or <see cref="ApplyLayer"/>.</remarks>
    public ReadOnlySpan<double> Points => _x.AsSpan(0, _points);

    /// <summary>
    /// Every neuron's value at point <paramref name="point"/> of <see cref="Points"/>, exactly as stored (no
    /// interpolation): between two consecutive points each neuron is affine, so a neuron whose values agree at both ends
    /// of an interval is constant on it.
    /// </summary>
    /// <remarks>The span is invalidated by the next <see cref="Start"/> or <see cref="ApplyLayer"/>.</remarks>
    /// <exception cref="InvalidOperationException"><see cref="Start"/> has not been called.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="point"/> is not an index of <see cref="Points"/>.</exception>
    public ReadOnlySpan<double> ValuesAt(int point)
    {
        RequireStarted();
        if ((uint)point >= (uint)_points)
            throw new ArgumentOutOfRangeException(nameof(point), point, $"point must be in 0..{_points - 1}.");
        return _v.AsSpan(point * _width, _width);
    }

    /// <summary>The current layer's output at <paramref name="x"/> ∈ Ω, by linear interpolation between the points around it.</summary>
    /// <param name="x">A point of [−r, r].</param>
    /// <param name="output">Receives <see cref="Width"/> values.</param>
    /// <exception cref="InvalidOperationException"><see cref="Start"/> has not been called.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is outside Ω.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not <see cref="Width"/> long.</exception>
    public void Evaluate(double x, Span<double> output)
    {
        RequireStarted();
        if (!(x >= -_radius && x <= _radius))
            throw new ArgumentOutOfRangeException(nameof(x), x, $"x must lie in Ω = [{-_radius}, {_radius}].");
        if (output.Length != _width)
            throw new ArgumentException($"Expected an output span of the current width {_width}, got {output.Length}.", nameof(output));

        // Largest k with x_k <= x, at most the last interval's left end.
        int lo = 0, hi = _points - 2;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_x[mid] <= x)
                lo = mid;
            else
                hi = mid - 1;
        }
        double t = (x - _x[lo]) / (_x[lo + 1] - _x[lo]);
        var a = _v.AsSpan(lo * _width, _width);
        var b = _v.AsSpan((lo + 1) * _width, _width);
        for (int j = 0; j < _width; j++)
            output[j] = a[j] + t * (b[j] - a[j]);
    }

    /// <summary>Whether neuron <paramref name="neuron"/> (0-based) of the current layer is active, identically zero or constant nonzero on Ω.</summary>
    /// <remarks>Exact in the representation: a neuron is constant when its values at all points are equal.</remarks>
    /// <exception cref="InvalidOperationException"><see cref="Start"/> has not been called.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="neuron"/> is not in 0..<see cref="Width"/> − 1.</exception>
    public NeuronState StateOf(int neuron)
    {
        RequireStarted();
        if ((uint)neuron >= (uint)_width)
            throw new ArgumentOutOfRangeException(nameof(neuron), neuron, $"neuron must be in 0..{_width - 1} (the current width is {_width}).");
        return _states[neuron];
    }

    /// <summary>
    /// Maximal intervals of Ω on which the current layer's output (all neurons jointly) is affine: 1 plus the number of
    /// interior points at which some neuron changes slope.
    /// </summary>
    /// <remarks>
    /// A neuron with values v₀, v₁, v₂ at consecutive points x₀ &lt; x₁ &lt; x₂ has slopes s₋ = (v₁ − v₀)/(x₁ − x₀) and
    /// s₊ = (v₂ − v₁)/(x₂ − x₁); it changes slope at x₁ when
    /// <c>|s₊ − s₋| &gt; RelativeSlopeTolerance·max(|s₋|, |s₊|) + 64ε·M·(1/(x₁ − x₀) + 1/(x₂ − x₁))</c>, where
    /// ε = 2⁻⁵² and M is the neuron's largest |value| on Ω. The first term ignores a point where the slopes agree to
    /// 1e-9 of their size, such as the point −b/a of <c>relu(ax + b) − relu(−ax − b)</c>, whose computed slopes differ
    /// only by rounding. The second is the slope error that a 64-ulp error (relative to M) in the values causes across
    /// narrow intervals: it matters only when points lie within ~1e-10 of each other, e.g. crossings that coincide in
    /// exact arithmetic but land a few ulps apart, which would otherwise count as several kinks. Exactly equal slopes
    /// (e.g. a dead region, both 0) never count. A genuine kink whose slope change is below this tolerance is not
    /// counted. O(points × width); allocation-free for widths up to <see cref="ShapeLimits.MaxWidth"/>.
    /// </remarks>
    /// <exception cref="InvalidOperationException"><see cref="Start"/> has not been called.</exception>
    public int LinearRegionCount
    {
        get
        {
            RequireStarted();
            return 1 + CollectKinks([]);
        }
    }

    /// <summary>
    /// Writes the interior points at which some neuron of the current layer changes slope (the boundaries between the
    /// <see cref="LinearRegionCount"/> regions, by the same test), sorted ascending, and returns how many there are.
    /// </summary>
    /// <param name="destination">At least <see cref="BreakpointCount"/> long (every kink is one of the <see cref="Breakpoints"/>).</param>
    /// <exception cref="InvalidOperationException"><see cref="Start"/> has not been called.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="BreakpointCount"/>.</exception>
    public int CopyKinks(Span<double> destination)
    {
        RequireStarted();
        if (destination.Length < BreakpointCount)
            throw new ArgumentException($"Expected room for {BreakpointCount} kinks, got {destination.Length}.", nameof(destination));
        return CollectKinks(destination);
    }

    /// <summary>Counts the kinks and, when <paramref name="destination"/> is not empty, writes their locations.</summary>
    private int CollectKinks(Span<double> destination)
    {
        // Per-neuron magnitude over Ω: the absolute rounding error of a value (interpolated or not) scales with it.
        Span<double> magnitude = stackalloc double[ShapeLimits.MaxWidth];
        magnitude = _width <= ShapeLimits.MaxWidth ? magnitude[.._width] : new double[_width];
        magnitude.Clear();
        for (int p = 0; p < _points; p++)
            for (int j = 0; j < _width; j++)
                magnitude[j] = Math.Max(magnitude[j], Math.Abs(_v[p * _width + j]));
        int kinks = 0;
        for (int k = 1; k + 1 < _points; k++)
        {
            if (!SlopeChangesAt(k, magnitude))
                continue;
            if (!destination.IsEmpty)
                destination[kinks] = _x[k];
            kinks++;
        }
        return kinks;
    }

    private bool SlopeChangesAt(int k, ReadOnlySpan<double> magnitude)
    {
        double hLeft = _x[k] - _x[k - 1], hRight = _x[k + 1] - _x[k];
        double noise = ValueRoundingSlack * (1 / hLeft + 1 / hRight);
        for (int j = 0; j < _width; j++)
        {
            double v0 = _v[(k - 1) * _width + j], v1 = _v[k * _width + j], v2 = _v[(k + 1) * _width + j];
            double left = (v1 - v0) / hLeft, right = (v2 - v1) / hRight;
            if (left == right)
                continue;
            double tolerance = RelativeSlopeTolerance * Math.Max(Math.Abs(left), Math.Abs(right)) + noise * magnitude[j];
            if (Math.Abs(right - left) > tolerance)
                return true;
        }
        return false;
    }
}
