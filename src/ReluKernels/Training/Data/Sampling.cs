using ReluKernels.Analysis;

namespace ReluKernels.Training.Data;

/// <summary>How the points of a data set are placed in the cube Ω = [−r, r]^d.</summary>
public enum SamplingKind
{
    /// <summary>Independent uniform points: each coordinate r·(2u − 1), u uniform on [0, 1) from the stream.</summary>
    UniformRandom = 0,

    /// <summary>Equidistant: n points r·(2i − (n − 1))/(n − 1), i = 0..n − 1, endpoints ±r included; for d &gt; 1 the tensor grid of n^d points.</summary>
    Equidistant = 1,
}

/// <summary>A sampling rule: a kind and a total number of points.</summary>
public sealed record Sampling
{
    /// <summary>Creates a rule.</summary>
    /// <param name="kind">Uniform random or equidistant.</param>
    /// <param name="count">Total points, at least 1 (at least 2 for equidistant); for an equidistant grid in d &gt; 1 dimensions, a perfect d-th power.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is out of range or the kind unknown.</exception>
    public Sampling(SamplingKind kind, int count)
    {
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown sampling kind.");
        ArgumentOutOfRangeException.ThrowIfLessThan(count, kind == SamplingKind.Equidistant ? 2 : 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, PointSets.MaxPoints);
        Kind = kind;
        Count = count;
    }

    /// <summary>Uniform random or equidistant.</summary>
    public SamplingKind Kind { get; }

    /// <summary>Total number of points.</summary>
    public int Count { get; }

    /// <summary>The points in [−<paramref name="radius"/>, <paramref name="radius"/>]^<paramref name="inputDim"/>, drawn point by point (coordinates in order) from <paramref name="rng"/> when random.</summary>
    /// <exception cref="ArgumentException">An equidistant count is not a perfect power of <paramref name="inputDim"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The radius is not positive and finite, or the dimension is out of range.</exception>
    public PointSet Points(int inputDim, double radius, ref CounterRng rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDim, ShapeLimits.MinDim);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputDim, ShapeLimits.MaxDim);
        if (!(radius > 0) || double.IsPositiveInfinity(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be positive and finite.");
        if (Kind == SamplingKind.Equidistant)
        {
            int perAxis = (int)Math.Round(Math.Pow(Count, 1.0 / inputDim));
            if (Math.Pow(perAxis, inputDim) != Count)
                throw new ArgumentException($"An equidistant grid in {inputDim} dimensions needs a perfect {inputDim}-th power of points, not {Count}.", nameof(inputDim));
            return PointSets.Grid(inputDim, perAxis, radius);
        }
        string origin = $"CounterRng seed {rng.Seed}, stream {rng.StreamIndex}, position {rng.Position}";
        var coordinates = new double[inputDim * Count];
        for (int s = 0; s < Count; s++)
            for (int k = 0; k < inputDim; k++)
                coordinates[k * Count + s] = radius * (2 * rng.NextDouble() - 1);
        return new PointSet(inputDim, Count, coordinates, $"{Count} points uniform on the cube [{-radius}, {radius}]^{inputDim} ({origin})");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Count} {(Kind == SamplingKind.Equidistant ? "equidistant" : "uniform random")}";
}
