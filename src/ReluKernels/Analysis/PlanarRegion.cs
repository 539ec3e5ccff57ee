using System.Collections.ObjectModel;

namespace ReluKernels.Analysis;

/// <summary>
/// One convex polygon of a <see cref="PlanarPropagator"/>'s partition of Ω, with the affine function every neuron of
/// the current layer equals on it.
/// </summary>
public sealed class PlanarRegion
{
    internal PlanarRegion(PlanarPoint[] vertices, PlanarAffine[] maps)
    {
        VertexArray = vertices;
        MapArray = maps;
        Vertices = Array.AsReadOnly(vertices);
        Maps = Array.AsReadOnly(maps);
        (Area, Centroid) = AreaAndCentroid(vertices);
    }

    internal PlanarPoint[] VertexArray { get; }

    internal PlanarAffine[] MapArray { get; }

    /// <summary>The polygon's vertices, counter-clockwise.</summary>
    public ReadOnlyCollection<PlanarPoint> Vertices { get; }

    /// <summary>Per neuron of the current layer, its output on this polygon.</summary>
    public ReadOnlyCollection<PlanarAffine> Maps { get; }

    /// <summary>The polygon's area (shoelace formula, relative to the first vertex).</summary>
    public double Area { get; }

    /// <summary>The polygon's centroid (inside it, since it is convex).</summary>
    public PlanarPoint Centroid { get; }

    /// <summary>Shoelace area and area centroid, with coordinates taken relative to vertex 0 to limit cancellation.</summary>
    private static (double Area, PlanarPoint Centroid) AreaAndCentroid(PlanarPoint[] v)
    {
        double twiceArea = 0, cx = 0, cy = 0;
        var o = v[0];
        for (int k = 1; k + 1 < v.Length; k++)
        {
            double ax = v[k].X - o.X, ay = v[k].Y - o.Y, bx = v[k + 1].X - o.X, by = v[k + 1].Y - o.Y;
            double cross = ax * by - bx * ay;
            twiceArea += cross;
            cx += cross * (ax + bx);
            cy += cross * (ay + by);
        }
        if (twiceArea == 0)
            return (0, o);
        return (twiceArea / 2, new PlanarPoint(o.X + cx / (3 * twiceArea), o.Y + cy / (3 * twiceArea)));
    }
}
