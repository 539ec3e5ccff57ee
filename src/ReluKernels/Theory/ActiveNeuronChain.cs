namespace ReluKernels.Theory;

/// <summary>
/// The Markov chain of active-neuron counts across layers: Shin &amp; Karniadakis (2020) (Shin &amp; Karniadakis, "Trainability of ReLU
/// networks and Data-dependent Initialization"), Lemma 12, Eqs. (12)–(13): π_t = π₀ P₁ ⋯ P_t with π₀ = e_{n₀} and
/// (P_t)_{i+1, j+1} = P(m_t = j | m_{t−1} = i).
/// </summary>
/// <remarks>
/// <para>
/// Lemma 12 itself is <b>EXACT</b> only when the active count of layer t − 1 is a sufficient statistic for layer t,
/// which the paper's P_t (Eq. (13), an expectation over all earlier weights given the count) builds in: the functions
/// here propagate whatever row-stochastic matrices they are given, and are exact for exact matrices.
/// </para>
/// <para>Matrices are row-stochastic <c>double[n_{t−1} + 1, n_t + 1]</c>; rows must sum to 1 within 1e−9.</para>
/// </remarks>
public static class ActiveNeuronChain
{
    /// <summary>Tolerance on row sums and distribution sums.</summary>
    public const double StochasticTolerance = 1e-9;

    /// <summary>
    /// π₀ = [0, …, 0, 1] of length n₀ + 1: all n₀ input coordinates are "active". Source: Shin &amp; Karniadakis 2020, Lemma 12. <b>EXACT</b>.
    /// </summary>
    /// <param name="inputDim">n₀ = d, ≥ 1.</param>
    /// <returns>A new array e_{n₀}.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> &lt; 1.</exception>
    public static double[] InitialDistribution(int inputDim)
    {
        BornDeadProbability.RequireInputDim(inputDim, nameof(inputDim));
        var pi = new double[inputDim + 1];
        pi[inputDim] = 1;
        return pi;
    }

    /// <summary>
    /// One step π_t = π_{t−1} P_t. Source: Shin &amp; Karniadakis 2020, Lemma 12 (law of total probability). <b>EXACT</b>.
    /// </summary>
    /// <param name="distribution">π_{t−1}: finite, non-negative, summing to 1 within <see cref="StochasticTolerance"/>.</param>
    /// <param name="transition">P_t with <c>distribution.Length</c> rows, each a probability vector.</param>
    /// <returns>A new array π_t of length <c>transition.GetLength(1)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transition"/> is null.</exception>
    /// <exception cref="ArgumentException">Shapes do not match, or an entry, row or the distribution is not a probability.</exception>
    public static double[] Step(ReadOnlySpan<double> distribution, double[,] transition)
    {
        RequireDistribution(distribution, nameof(distribution));
        RequireStochastic(transition, distribution.Length, nameof(transition));
        return Multiply(distribution, transition);
    }

    /// <summary>
    /// π_t = π₀ P₁ P₂ ⋯ P_t with π₀ = e_{n₀}. Source: Shin &amp; Karniadakis 2020, Lemma 12, Eq. (12). <b>EXACT</b> given exact P_t.
    /// With no transitions it returns π₀.
    /// </summary>
    /// <param name="inputDim">n₀ = d, ≥ 1; P₁ must have n₀ + 1 rows.</param>
    /// <param name="transitions">P₁, …, P_t; each P_k has as many rows as P_{k−1} has columns.</param>
    /// <returns>A new array π_t.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> &lt; 1.</exception>
    /// <exception cref="ArgumentNullException">A transition is null.</exception>
    /// <exception cref="ArgumentException">A shape does not chain, or a matrix is not row-stochastic.</exception>
    public static double[] Distribution(int inputDim, params ReadOnlySpan<double[,]> transitions)
    {
        double[] pi = InitialDistribution(inputDim);
        for (int t = 0; t < transitions.Length; t++)
        {
            RequireStochastic(transitions[t], pi.Length, $"{nameof(transitions)}[{t}]");
            pi = Multiply(pi, transitions[t]);
        }
        return pi;
    }

    /// <summary>
    /// One row of Eq. (13) when the conditional born-dead probability p_t(A^i_{t−1}) takes finitely many values:
    /// row_j = C(n, j)·E[(1 − p)^j p^{n−j}] = Σ_k w_k·C(n, j)(1 − p_k)^j p_k^{n−j}, j = 0..n. Source: Shin &amp; Karniadakis 2020, Lemma 12,
    /// Eq. (13) (independent, identically distributed rows given the previous layers). <b>EXACT</b> for an exact mixing
    /// distribution; with quadrature nodes and weights it is the corresponding quadrature rule.
    /// </summary>
    /// <param name="width">n = n_t, ≥ 1.</param>
    /// <param name="weights">Mixing weights w_k: finite, non-negative, summing to 1 within <see cref="StochasticTolerance"/>.</param>
    /// <param name="deathProbabilities">p_k in [0, 1], same length as <paramref name="weights"/>.</param>
    /// <returns>A new array of length n + 1.</returns>
    /// <exception cref="ArgumentException">Lengths differ or are zero, or a weight or probability is out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> &lt; 1.</exception>
    public static double[] MixtureRow(int width, ReadOnlySpan<double> weights, ReadOnlySpan<double> deathProbabilities)
    {
        ShallowTrainability.RequirePositive(width, nameof(width));
        if (weights.Length != deathProbabilities.Length)
            throw new ArgumentException(
                $"weights ({weights.Length}) and deathProbabilities ({deathProbabilities.Length}) must have the same length.",
                nameof(deathProbabilities));
        RequireDistribution(weights, nameof(weights));
        for (int k = 0; k < deathProbabilities.Length; k++)
            if (!(deathProbabilities[k] >= 0 && deathProbabilities[k] <= 1))
                throw new ArgumentException($"deathProbabilities[{k}] = {deathProbabilities[k]} is not a probability in [0, 1].",
                    nameof(deathProbabilities));
        var row = new double[width + 1];
        for (int k = 0; k < weights.Length; k++)
            AddBinomial(row, weights[k], deathProbabilities[k]);
        return row;
    }

    /// <summary>row_j += w·C(n, j)(1 − p)^j p^{n−j} for j = 0..n, n = row.Length − 1.</summary>
    internal static void AddBinomial(double[] row, double weight, double deathProbability)
    {
        if (weight == 0)
            return;
        int n = row.Length - 1;
        double alive = 1 - deathProbability;
        for (int j = 0; j <= n; j++)
            row[j] += weight * BinomialPmf.Value(n, j, alive, deathProbability);
    }

    private static double[] Multiply(ReadOnlySpan<double> pi, double[,] p)
    {
        int rows = p.GetLength(0), cols = p.GetLength(1);
        var next = new double[cols];
        for (int i = 0; i < rows; i++)
        {
            double w = pi[i];
            if (w == 0)
                continue;
            for (int j = 0; j < cols; j++)
                next[j] += w * p[i, j];
        }
        return next;
    }

    private static void RequireDistribution(ReadOnlySpan<double> pi, string paramName)
    {
        if (pi.IsEmpty)
            throw new ArgumentException($"{paramName} must not be empty.", paramName);
        double sum = 0;
        for (int i = 0; i < pi.Length; i++)
        {
            if (!(pi[i] >= 0 && pi[i] <= 1))
                throw new ArgumentException($"{paramName}[{i}] = {pi[i]} is not a probability in [0, 1].", paramName);
            sum += pi[i];
        }
        if (Math.Abs(sum - 1) > StochasticTolerance)
            throw new ArgumentException($"{paramName} sums to {sum}, not 1.", paramName);
    }

    private static void RequireStochastic(double[,] p, int expectedRows, string paramName)
    {
        ArgumentNullException.ThrowIfNull(p, paramName);
        if (p.GetLength(0) != expectedRows)
            throw new ArgumentException(
                $"{paramName} has {p.GetLength(0)} rows but the distribution it multiplies has {expectedRows} entries.", paramName);
        if (p.GetLength(1) < 1)
            throw new ArgumentException($"{paramName} has no columns.", paramName);
        for (int i = 0; i < p.GetLength(0); i++)
        {
            double sum = 0;
            for (int j = 0; j < p.GetLength(1); j++)
            {
                double v = p[i, j];
                if (!(v >= 0 && v <= 1))
                    throw new ArgumentException($"{paramName}[{i}, {j}] = {v} is not a probability in [0, 1].", paramName);
                sum += v;
            }
            if (Math.Abs(sum - 1) > StochasticTolerance)
                throw new ArgumentException($"Row {i} of {paramName} sums to {sum}, not 1.", paramName);
        }
    }
}
