using MathNet.Numerics.LinearAlgebra;

namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// The Gram matrix G = [⟨xᵢ, xⱼ⟩] of a data set scaled to unit vectors, and the two quantities the conditioning
/// theorems assume about it (Agarwal, Awasthi &amp; Kale 2021, Assumptions A and B): the separation
/// δ = min_{i≠j} (1 − |⟨xᵢ, xⱼ⟩|) and λ = λ_min(G).
/// </summary>
public static class GramMatrix
{
    /// <summary>G of the inputs, each scaled to unit length first.</summary>
    /// <param name="inputs">At least two vectors of one common dimension ≥ 1, finite, none zero, no two parallel.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// Fewer than two inputs, ragged or empty vectors, a non-finite entry, a zero vector, or two inputs on one line
    /// through the origin (duplicates after scaling, or antipodal), which violates Assumption A.
    /// </exception>
    public static Matrix<double> Of(IReadOnlyList<double[]> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count < 2)
            throw new ArgumentException($"need at least two inputs, got {inputs.Count}.", nameof(inputs));
        int dimension = inputs[0]?.Length ?? 0;
        var units = new Vector<double>[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            var x = inputs[i];
            if (x is null || x.Length != dimension || dimension == 0)
                throw new ArgumentException($"input {i} has {x?.Length ?? 0} entries; every input needs the same dimension ≥ 1 ({dimension}).", nameof(inputs));
            if (x.Any(v => !double.IsFinite(v)))
                throw new ArgumentException($"input {i} has a non-finite entry.", nameof(inputs));
            var v = Vector<double>.Build.DenseOfArray((double[])x.Clone());
            double norm = v.L2Norm();
            if (norm == 0)
                throw new ArgumentException($"input {i} is the zero vector, which has no direction.", nameof(inputs));
            units[i] = v / norm;
        }
        var gram = Matrix<double>.Build.Dense(inputs.Count, inputs.Count, (i, j) => i == j ? 1 : Math.Clamp(units[i].DotProduct(units[j]), -1, 1));
        for (int i = 0; i < gram.RowCount; i++)
            for (int j = 0; j < i; j++)
                if (1 - Math.Abs(gram[i, j]) <= 1e-12)
                    throw new ArgumentException($"inputs {j} and {i} are parallel after scaling to unit length (|⟨x, y⟩| = 1): Assumption A needs them apart.", nameof(inputs));
        return gram;
    }

    /// <summary>δ = min_{i≠j} (1 − |Gᵢⱼ|), the largest δ for which Assumption A holds.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="gram"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="gram"/> is not square or smaller than 2 × 2.</exception>
    public static double Separation(Matrix<double> gram)
    {
        RequireSquare(gram);
        double delta = 1;
        for (int i = 0; i < gram.RowCount; i++)
            for (int j = 0; j < i; j++)
                delta = Math.Min(delta, 1 - Math.Abs(gram[i, j]));
        return delta;
    }

    internal static void RequireSquare(Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.RowCount != matrix.ColumnCount || matrix.RowCount < 2)
            throw new ArgumentException($"need a square matrix of size ≥ 2, got {matrix.RowCount} × {matrix.ColumnCount}.", nameof(matrix));
    }
}
