namespace ReluKernels.Conditioning;

/// <summary>
/// Random data sets for the conditioning experiments: n unit vectors in d dimensions, uniform on the sphere, with
/// minimum separation δ = min_{i≠j} (1 − |⟨xᵢ, xⱼ⟩|) at least a given value (Agarwal, Awasthi &amp; Kale 2021,
/// Assumption A), drawn by rejection from a counter-based stream.
/// </summary>
public static class SeparatedUnitVectors
{
    /// <summary>Candidates tried per vector before giving up.</summary>
    public const int AttemptsPerVector = 100_000;

    /// <summary>Draws the data set; each vector is tried against the ones accepted so far.</summary>
    /// <param name="count">n, 2..1000.</param>
    /// <param name="dimension">d, 1..10000.</param>
    /// <param name="separation">δ in (0, 1].</param>
    /// <param name="seed">Seed.</param>
    /// <param name="stream">The stream of <paramref name="seed"/> to draw from (0 by default; experiments that also use streams 0, 1, … for their runs pass another).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="ArgumentException">
    /// No vector satisfying the separation was found in <see cref="AttemptsPerVector"/> tries: such a set is impossible
    /// (δ = 1 needs exact orthogonality, d = 1 allows only one direction) or too rare to find by rejection.
    /// </exception>
    public static double[][] Draw(int count, int dimension, double separation, ulong seed, ulong stream = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, 10_000);
        if (!(separation > 0 && separation <= 1))
            throw new ArgumentOutOfRangeException(nameof(separation), separation, "the separation δ must be in (0, 1].");
        var rng = new CounterRng(seed, stream);
        var accepted = new List<double[]>(count);
        var candidate = new double[dimension];
        while (accepted.Count < count)
        {
            bool found = false;
            for (int attempt = 0; attempt < AttemptsPerVector && !found; attempt++)
            {
                rng.FillNormal(candidate.AsSpan());
                double norm = Math.Sqrt(candidate.Sum(v => v * v));
                if (norm == 0)
                    continue;
                found = accepted.All(x => 1 - Math.Abs(FiniteWidthNetwork.Dot(x, candidate) / norm) >= separation);
                if (found)
                    accepted.Add([.. candidate.Select(v => v / norm)]);
            }
            if (!found)
                throw new ArgumentException($"could not place {count} unit vectors in {dimension} dimensions with separation δ ≥ {separation}: "
                    + $"vector {accepted.Count + 1} failed {AttemptsPerVector} tries (impossible, or too rare for rejection; lower δ or raise d).", nameof(separation));
        }
        return [.. accepted];
    }
}
