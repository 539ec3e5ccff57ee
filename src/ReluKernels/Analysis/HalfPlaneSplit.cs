namespace ReluKernels.Analysis;

/// <summary>Which side of an affine function's zero line a convex polygon lies on.</summary>
internal enum PolygonSide
{
    /// <summary>The function is ≥ 0 at every vertex and &gt; 0 at one at least.</summary>
    Positive,

    /// <summary>The function is ≤ 0 at every vertex (so ≤ 0 on the polygon).</summary>
    NonPositive,

    /// <summary>The function has strictly opposite signs at two vertices: the polygon was cut in two.</summary>
    Both,
}

/// <summary>
/// Sutherland–Hodgman clipping of a convex polygon against the half-planes f ≥ 0 and f ≤ 0 of an affine f, with the
/// 1-D propagator's tie policy: signs are decided at the vertices, a vertex with f = 0 belongs to both sides, a
/// crossing within <c>snap</c> of an edge's end is placed on that end, and a cut that would leave a piece narrower than
/// <c>snap</c> is not made.
/// </summary>
internal static class HalfPlaneSplit
{
    /// <summary>Classifies <paramref name="polygon"/> against f and, when f changes sign inside it, cuts it along f = 0.</summary>
    /// <param name="polygon">A convex polygon, counter-clockwise; the pieces keep that orientation.</param>
    /// <param name="f">The affine function.</param>
    /// <param name="snap">Crossings closer than this to an edge's end are placed on that end (f is taken as 0 there).</param>
    /// <param name="positive">With <see cref="PolygonSide.Both"/>: the piece where f ≥ 0; else null.</param>
    /// <param name="negative">With <see cref="PolygonSide.Both"/>: the piece where f ≤ 0; else null.</param>
    public static PolygonSide Split(PlanarPoint[] polygon, PlanarAffine f, double snap, out PlanarPoint[]? positive, out PlanarPoint[]? negative)
    {
        positive = negative = null;
        int n = polygon.Length;
        var z = new double[n];
        for (int k = 0; k < n; k++)
            z[k] = f.At(polygon[k]);

        // Snap first from the computed values, then apply, so the result does not depend on which edge is visited first.
        var snapped = new bool[n];
        for (int k = 0; k < n; k++)
        {
            int m = k + 1 == n ? 0 : k + 1;
            if (!OppositeSigns(z[k], z[m]))
                continue;
            double t = z[k] / (z[k] - z[m]);
            double length = Distance(polygon[k], polygon[m]);
            if (t * length <= snap)
                snapped[k] = true;
            else if ((1 - t) * length <= snap)
                snapped[m] = true;
        }
        bool anyPositive = false, anyNegative = false;
        for (int k = 0; k < n; k++)
        {
            if (snapped[k])
                z[k] = 0;
            anyPositive |= z[k] > 0;
            anyNegative |= z[k] < 0;
        }
        if (!anyPositive)
            return PolygonSide.NonPositive;
        if (!anyNegative)
            return PolygonSide.Positive;

        var up = new List<PlanarPoint>(n + 2);
        var down = new List<PlanarPoint>(n + 2);
        for (int k = 0; k < n; k++)
        {
            if (z[k] >= 0)
                up.Add(polygon[k]);
            if (z[k] <= 0)
                down.Add(polygon[k]);
            int m = k + 1 == n ? 0 : k + 1;
            if (OppositeSigns(z[k], z[m]))
            {
                var crossing = Crossing(polygon[k], z[k], polygon[m], z[m]);
                up.Add(crossing);
                down.Add(crossing);
            }
        }
        // A piece thinner than the snap distance is a rounding sliver (the 1-D rule that points are more than 16ε·r apart):
        // no cut, the whole polygon goes to the other side.
        bool upThin = IsThin(up, snap), downThin = IsThin(down, snap);
        if (upThin || downThin)
            return upThin && (!downThin || TwiceArea(up) < TwiceArea(down)) ? PolygonSide.NonPositive : PolygonSide.Positive;
        positive = [.. up];
        negative = [.. down];
        return PolygonSide.Both;
    }

    /// <summary>Whether a convex polygon is narrower than <paramref name="snap"/>: area ≤ snap × half its perimeter (≥ its diameter).</summary>
    private static bool IsThin(List<PlanarPoint> polygon, double snap)
    {
        double perimeter = 0;
        for (int k = 0; k < polygon.Count; k++)
            perimeter += Distance(polygon[k], polygon[k + 1 == polygon.Count ? 0 : k + 1]);
        return TwiceArea(polygon) / 2 <= snap * perimeter / 2;
    }

    /// <summary>Twice the signed area (shoelace, relative to vertex 0).</summary>
    private static double TwiceArea(List<PlanarPoint> v)
    {
        double sum = 0;
        for (int k = 1; k + 1 < v.Count; k++)
            sum += (v[k].X - v[0].X) * (v[k + 1].Y - v[0].Y) - (v[k + 1].X - v[0].X) * (v[k].Y - v[0].Y);
        return sum;
    }

    private static bool OppositeSigns(double a, double b) => (a < 0 && b > 0) || (a > 0 && b < 0);

    private static double Distance(PlanarPoint a, PlanarPoint b) => double.Hypot(b.X - a.X, b.Y - a.Y);

    /// <summary>
    /// The zero of f on the segment, interpolated from the lexicographically smaller end: a neighbouring polygon that
    /// shares the edge (traversed the other way) and the function computes the same point bit for bit.
    /// </summary>
    private static PlanarPoint Crossing(PlanarPoint a, double za, PlanarPoint b, double zb)
    {
        if (b.X < a.X || (b.X == a.X && b.Y < a.Y))
            (a, za, b, zb) = (b, zb, a, za);
        // |za| / (|za| + |zb|): no cancellation, and t lies in [0, 1] after rounding.
        double t = za / (za - zb);
        return new PlanarPoint(a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y));
    }
}
