namespace ReluKernels.Analysis;

/// <summary>A finite set of input points for <see cref="SampledDeadness"/>, with a description of where it came from.</summary>
/// <remarks>Coordinates are feature-major, as in the sample-parallel kernels: coordinate k of point s is at <c>k·Count + s</c>.</remarks>
public sealed class PointSet
{
    private readonly double[] _coordinates;

    /// <summary>Wraps <paramref name="coordinates"/> (feature-major, <c>inputDim·count</c> values; not copied).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> or <paramref name="count"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="coordinates"/> has the wrong length.</exception>
    public PointSet(int inputDim, int count, double[] coordinates, string description)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDim, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(coordinates);
        ArgumentNullException.ThrowIfNull(description);
        if (coordinates.Length != (long)inputDim * count)
            throw new ArgumentException($"Expected {inputDim}×{count} coordinates (feature-major), got {coordinates.Length}.", nameof(coordinates));
        InputDim = inputDim;
        Count = count;
        _coordinates = coordinates;
        Description = description;
    }

    /// <summary>Dimension of every point.</summary>
    public int InputDim { get; }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>Feature-major coordinates: coordinate k of point s at <c>k·Count + s</c>.</summary>
    public ReadOnlySpan<double> Coordinates => _coordinates;

    /// <summary>What the points are, e.g. "grid of 21^2 = 441 points on the cube [-1, 1]^2".</summary>
    public string Description { get; }

    /// <inheritdoc/>
    public override string ToString() => Description;
}
