using MathNet.Numerics.LinearAlgebra;

namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// The infinite-width kernel matrices of a data set of unit vectors with Gram matrix G, for a normalised activation:
/// the top-layer kernel K^(L) = σ̂^(L)(G) entrywise (Agarwal, Awasthi &amp; Kale 2021, Lemma C.4) and the neural tangent
/// kernel Θ^(L) by the recursion Θ^(0) = G, Θ^(h) = K^(h) + σ̂′(K^(h−1)) ∘ Θ^(h−1), which unrolls to Arora et al.'s
/// formula (7) as the paper uses it (Sec. 3.2). <b>EXACT</b> in the infinite-width limit (to the accuracy of
/// <see cref="DualActivation"/>).
/// </summary>
public static class InfiniteWidthKernel
{
    /// <summary>Tolerance on σ̂(1) = 1 (normalisation): quadrature-normalised activations meet it by orders of magnitude.</summary>
    public const double NormalisationTolerance = 1e-9;

    /// <summary>K^(L) = σ̂^(L)(G).</summary>
    /// <param name="dual">σ̂ of a normalised activation.</param>
    /// <param name="gram">G, unit diagonal (see <see cref="GramMatrix.Of"/>).</param>
    /// <param name="depth">L ≥ 0 (L = 0 returns G).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">σ is not normalised (σ̂(1) ≠ 1), or G is not square with unit diagonal.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> &lt; 0.</exception>
    public static Matrix<double> TopLayer(DualActivation dual, Matrix<double> gram, int depth) => ByDepth(dual, gram, depth)[depth].TopLayer;

    /// <summary>Θ^(L), the infinite-width NTK; its diagonal is Σ_{k=0}^{L} σ̂′(1)^k.</summary>
    /// <inheritdoc cref="TopLayer" path="/param"/>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">σ is not normalised, σ̂′(1) is infinite (sign), or G is not square with unit diagonal.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> &lt; 0.</exception>
    public static Matrix<double> NeuralTangent(DualActivation dual, Matrix<double> gram, int depth) => ByDepth(dual, gram, depth)[depth].NeuralTangent!;

    /// <summary>
    /// K^(h) and Θ^(h) for h = 0..<paramref name="maxDepth"/>, in one pass. Θ is null for activations whose σ̂′(1) is
    /// infinite (sign), where the NTK does not exist.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">σ is not normalised, or G is not square with unit diagonal.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> &lt; 0.</exception>
    public static IReadOnlyList<(Matrix<double> TopLayer, Matrix<double>? NeuralTangent)> ByDepth(DualActivation dual, Matrix<double> gram, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(dual);
        GramMatrix.RequireSquare(gram);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        for (int i = 0; i < gram.RowCount; i++)
            if (Math.Abs(gram[i, i] - 1) > 1e-12)
                throw new ArgumentException($"G[{i},{i}] = {gram[i, i]}: the inputs must be unit vectors.", nameof(gram));
        double atOne = dual.Value(1);
        if (Math.Abs(atOne - 1) > NormalisationTolerance)
            throw new ArgumentException($"{dual.Activation} is not normalised (σ̂(1) = {atOne:G10}); wrap it in Normalised.", nameof(dual));
        bool hasNtk = double.IsFinite(dual.Derivative(1));

        var result = new List<(Matrix<double>, Matrix<double>?)>(maxDepth + 1);
        Matrix<double> k = gram.Clone(), theta = gram.Clone();
        result.Add((k, hasNtk ? theta : null));
        for (int h = 1; h <= maxDepth; h++)
        {
            var previous = k;
            k = previous.Map(dual.Value, Zeros.Include);
            if (hasNtk)
                theta = k + previous.Map(dual.Derivative, Zeros.Include).PointwiseMultiply(theta);
            result.Add((k, hasNtk ? theta : null));
        }
        return result;
    }
}
