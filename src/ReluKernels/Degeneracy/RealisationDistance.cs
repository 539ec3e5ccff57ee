using ReluKernels.Analysis;

namespace ReluKernels.Degeneracy;

/// <summary>
/// Distances between the functions two networks realise (their hidden widths may differ): the uniform norm and the
/// Sobolev semi-norm |·|_{W^{1,∞}} of the difference, exactly for 1-D input and estimated on samples otherwise.
/// </summary>
public static class RealisationDistance
{
    /// <summary>
    /// Exact distances on Ω = [−r, r] for 1-D input. Both networks are propagated as piecewise-linear functions; their
    /// difference is affine between consecutive points of the union of their breakpoints, so the uniform norm is the
    /// largest |f − g| at those points and the semi-norm the largest difference of slopes over the pieces (each slope
    /// taken on its own network's piece). Pieces shorter than 16 ulps of r, the propagator's point resolution, are
    /// merged with their neighbours for the slopes: they come from one kink computed at two rounded places.
    /// </summary>
    /// <exception cref="ArgumentException">Input or output dimensions differ (the message names both), or the input is not 1-D.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radius"/> is not positive and finite.</exception>
    public static RealisationDistanceResult Exact(LayeredNetwork f, LayeredNetwork g, double radius = 1)
    {
        CheckDimensions(f, g);
        var (rf, rg) = (ScalarRealisation.Of(f, radius), ScalarRealisation.Of(g, radius));
        var union = rf.Points.Concat(rg.Points).Distinct().Order().ToArray();
        double uniform = 0, semi = 0;
        for (int o = 0; o < f.OutputDim; o++)
        {
            for (int p = 0; p < union.Length; p++)
                uniform = Math.Max(uniform, Math.Abs(rf.ValueAt(union[p], o) - rg.ValueAt(union[p], o)));
            var pieces = WithoutSlivers(union, radius);
            for (int p = 0; p + 1 < pieces.Length; p++)
            {
                double middle = 0.5 * (pieces[p] + pieces[p + 1]);
                semi = Math.Max(semi, Math.Abs(rf.SlopeAt(middle, o) - rg.SlopeAt(middle, o)));
            }
        }
        return new RealisationDistanceResult(uniform, semi, IsExact: true, $"[{-radius}, {radius}] (exact)");
    }

    /// <summary>
    /// Estimated distances: the largest |f − g| and |∇f − ∇g|_∞ over the points of <paramref name="points"/>, with the
    /// gradients by forward-mode differentiation (ReLU′(0) = 0). Suprema over a finite set are lower bounds.
    /// </summary>
    /// <exception cref="ArgumentException">Input or output dimensions differ (the message names both), or the points have another dimension.</exception>
    public static RealisationDistanceResult Sampled(LayeredNetwork f, LayeredNetwork g, PointSet points)
    {
        CheckDimensions(f, g);
        ArgumentNullException.ThrowIfNull(points);
        if (points.InputDim != f.InputDim)
            throw new ArgumentException($"The points are {points.InputDim}-D but the networks have InputDim = {f.InputDim}.", nameof(points));
        var (ef, eg) = (new NetworkEvaluator(f), new NetworkEvaluator(g));
        var x = new double[f.InputDim];
        double uniform = 0, semi = 0;
        for (int s = 0; s < points.Count; s++)
        {
            for (int k = 0; k < x.Length; k++)
                x[k] = points.Coordinates[k * points.Count + s];
            var yf = ef.Evaluate(x, withJacobian: true);
            var yg = eg.Evaluate(x, withJacobian: true);
            for (int o = 0; o < yf.Length; o++)
                uniform = Math.Max(uniform, Math.Abs(yf[o] - yg[o]));
            var jf = ef.Jacobian;
            var jg = eg.Jacobian;
            for (int k = 0; k < jf.Length; k++)
                semi = Math.Max(semi, Math.Abs(jf[k] - jg[k]));
        }
        return new RealisationDistanceResult(uniform, semi, IsExact: false, $"{points.Description} (sampled estimate)");
    }

    /// <summary>
    /// The sorted points with every point closer than 16 ulps of r to the previous kept one dropped (the endpoints kept):
    /// the propagator's own point resolution. A kink of f and the same kink of g computed one or two ulps apart would
    /// otherwise leave a sliver on which one network has already turned and the other not, and the slope jump would
    /// count as a difference although the functions agree.
    /// </summary>
    private static double[] WithoutSlivers(double[] points, double radius)
    {
        double resolution = 16 * 2.220446049250313e-16 * radius;
        var kept = new List<double>(points.Length) { points[0] };
        for (int p = 1; p < points.Length - 1; p++)
            if (points[p] - kept[^1] > resolution && points[^1] - points[p] > resolution)
                kept.Add(points[p]);
        kept.Add(points[^1]);
        return [.. kept];
    }

    private static void CheckDimensions(LayeredNetwork f, LayeredNetwork g)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(g);
        if (f.InputDim != g.InputDim || f.OutputDim != g.OutputDim)
            throw new ArgumentException($"The networks have different input or output dimensions: {f} and {g}.", nameof(g));
    }
}
