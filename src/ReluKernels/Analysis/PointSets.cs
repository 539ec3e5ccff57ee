namespace ReluKernels.Analysis;

/// <summary>Standard point sets for <see cref="SampledDeadness"/> on the domains of docs/definitions.md.</summary>
public static class PointSets
{
    /// <summary>Largest point set these factories build (memory: 8·d bytes per point).</summary>
    public const int MaxPoints = 1 << 24;

    /// <summary>
    /// The tensor grid of <paramref name="pointsPerAxis"/> equispaced values per axis on the cube [−r, r]^d (Lu et al.'s
    /// domain), corners included; one point per axis means the centre. Axis 0 varies fastest.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, the radius is not positive and finite, or the grid exceeds <see cref="MaxPoints"/>.</exception>
    public static PointSet Grid(int inputDim, int pointsPerAxis, double radius)
    {
        CheckDim(inputDim);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerAxis, 1);
        AnalysisArguments.CheckRadius(radius);
        double total = Math.Pow(pointsPerAxis, inputDim);
        if (total > MaxPoints)
            throw new ArgumentOutOfRangeException(nameof(pointsPerAxis), pointsPerAxis,
                $"A grid of {pointsPerAxis}^{inputDim} points exceeds the {MaxPoints} points PointSets builds.");
        int count = (int)total;

        // Axis values r·(2i − (n − 1))/(n − 1): symmetric, with the corners exactly ±r.
        var axis = new double[pointsPerAxis];
        for (int i = 0; i < pointsPerAxis; i++)
            axis[i] = pointsPerAxis == 1 ? 0 : radius * (2.0 * i - (pointsPerAxis - 1)) / (pointsPerAxis - 1);
        var coordinates = new double[inputDim * count];
        for (int s = 0; s < count; s++)
        {
            int rest = s;
            for (int k = 0; k < inputDim; k++)
            {
                coordinates[k * count + s] = axis[rest % pointsPerAxis];
                rest /= pointsPerAxis;
            }
        }
        return new PointSet(inputDim, count, coordinates,
            $"grid of {pointsPerAxis}^{inputDim} = {count} points on the cube [{-radius}, {radius}]^{inputDim}");
    }

    /// <summary>
    /// <paramref name="count"/> points uniform in the ball B_r(0) ⊂ R^d (Shin &amp; Karniadakis's domain): a uniform direction
    /// (d standard normals, normalised) times r·u^(1/d), u uniform on [0, 1). Reproducible from the stream's state.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range or the radius is not positive and finite.</exception>
    public static PointSet UniformInBall(int inputDim, int count, double radius, ref CounterRng rng)
    {
        CheckDim(inputDim);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxPoints);
        AnalysisArguments.CheckRadius(radius);
        string origin = $"CounterRng seed {rng.Seed}, stream {rng.StreamIndex}, position {rng.Position}";
        var coordinates = new double[inputDim * count];
        Span<double> direction = (stackalloc double[ShapeLimits.MaxDim])[..inputDim];
        for (int s = 0; s < count; s++)
        {
            double norm2;
            do
            {
                norm2 = 0;
                for (int k = 0; k < inputDim; k++)
                {
                    direction[k] = rng.NextNormalDouble();
                    norm2 += direction[k] * direction[k];
                }
            } while (norm2 == 0);
            double scale = radius * Math.Pow(rng.NextDouble(), 1.0 / inputDim) / Math.Sqrt(norm2);
            for (int k = 0; k < inputDim; k++)
                coordinates[k * count + s] = direction[k] * scale;
        }
        return new PointSet(inputDim, count, coordinates,
            $"{count} points uniform in the ball B_{radius}(0) ⊂ R^{inputDim} ({origin})");
    }

    private static void CheckDim(int inputDim)
    {
        if (inputDim < ShapeLimits.MinDim || inputDim > ShapeLimits.MaxDim)
            throw new ArgumentOutOfRangeException(nameof(inputDim), inputDim, $"inputDim must be in {ShapeLimits.MinDim}..{ShapeLimits.MaxDim}.");
    }
}
