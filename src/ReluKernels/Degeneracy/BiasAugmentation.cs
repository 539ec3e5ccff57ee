namespace ReluKernels.Degeneracy;

/// <summary>
/// The augmentation behind Berner, Elbrächter &amp; Grohs (2019), Corollary 1.3: a shallow network with biases,
/// architecture (d, m, 1), becomes a bias-free network (d + 2, m + 1, 1) in the restricted space Q of their
/// Definition 3.2 (balanced, no two incoming vectors positively parallel, the last two coordinates of every incoming
/// vector &gt; 0) that realises the same function on the augmented inputs (x, 1, −1). The construction below is our
/// reconstruction, derived and checked in docs/theory/degeneracy.md, not the paper's text.
/// </summary>
/// <remarks>
/// With b⁺ = max(b, 0), b⁻ = max(−b, 0) and t_i = ‖(w_i, b_i)‖_∞ &gt; 0, neuron i gets
/// ã_i = (w_i, b_i⁺ + t_i, b_i⁻ + t_i): ã_i·(x, 1, −1) = w_i·x + b_i. The extra neuron (0, 2μ, μ) gives ρ(μ) = μ and
/// carries the output bias e with c = sign(e)·2μ, μ = √(|e|/2). Neurons with w_i = 0 are constants (folded into e),
/// neurons with c_i = 0 contribute nothing, and positively parallel neurons are merged first; every slot freed this way
/// (and the extra one when e = 0) is filled with a neuron (0, 1, 1 + q), q = 1, 2, …, which is 0 on every augmented
/// input and balanced with c = 1 + q. Finally every neuron is balanced by positive homogeneity.
/// </remarks>
public static class BiasAugmentation
{
    /// <summary>Builds the augmented network; see the class remarks. The input network is not changed.</summary>
    /// <param name="network">A network with biases, one hidden layer, one output and no output activation.</param>
    /// <param name="tolerance">τ for merging positively parallel neurons first (<see cref="RedundancyMerging"/>).</param>
    /// <exception cref="ArgumentException">The network is not of that form, or τ is not positive and finite.</exception>
    public static LayeredNetwork Augment(LayeredNetwork network, double tolerance = DegeneracyDiagnostics.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(network);
        DegeneracyDiagnostics.CheckTolerance(tolerance);
        if (network.Depth != 1 || !network.HasBias || network.OutputDim != 1 || network.OutputActivation)
            throw new ArgumentException($"The augmentation needs a shallow network (d, m, 1) with biases and a linear output, got {network}.", nameof(network));
        int d = network.InputDim, m = network.Hidden(1).FanOut;
        var merged = RedundancyMerging.MergeParallel(network, tolerance);
        var hidden = merged.Hidden(1);
        var output = merged.Next(1);
        double e = output.Bias(0);

        var rows = new List<double[]>(m + 1);
        var outgoing = new List<double>(m + 1);
        for (int i = 0; i < hidden.FanOut; i++)
        {
            var w = hidden.Row(i);
            double b = hidden.Bias(i), c = output.Weight(0, i);
            if (!w.ContainsAnyExcept(0.0))
            {
                e += c * Math.Max(b, 0);
                continue;
            }
            if (c == 0)
                continue;
            double t = hidden.IncomingNorm(i);
            double[] row = [.. w, Math.Max(b, 0) + t, Math.Max(-b, 0) + t];
            rows.Add(row);
            outgoing.Add(c);
        }
        if (e != 0)
        {
            double mu = Math.Sqrt(Math.Abs(e) / 2);
            rows.Add(Filler(d, 2 * mu, mu));
            outgoing.Add(Math.Sign(e) * 2 * mu);
        }
        for (int q = 1; rows.Count < m + 1; q++)
        {
            rows.Add(Filler(d, 1, 1 + q));
            outgoing.Add(1 + q);
        }

        var weights = new double[(m + 1) * (d + 2)];
        var c2 = new double[m + 1];
        for (int i = 0; i <= m; i++)
        {
            // Balance: scale ã by λ and c by 1/λ, λ = √(|c|/‖ã‖_∞), so both norms become √(|c|·‖ã‖_∞).
            double norm = 0;
            foreach (double value in rows[i])
                norm = Math.Max(norm, Math.Abs(value));
            double lambda = Math.Sqrt(Math.Abs(outgoing[i]) / norm);
            for (int k = 0; k < d + 2; k++)
                weights[i * (d + 2) + k] = rows[i][k] * lambda;
            c2[i] = outgoing[i] / lambda;
        }
        return new LayeredNetwork([new DenseLayer(d + 2, m + 1, weights, []), new DenseLayer(m + 1, 1, c2, [])]);
    }

    /// <summary>
    /// The augmented network seen on the inputs (x, 1, −1): a (d, m + 1, 1) network with biases w·x + (p − q) for
    /// ã = (w, p, q) and output bias 0. It has the augmented network's function on those inputs, so a 1-D network's
    /// augmentation can be checked exactly by piecewise-linear analysis.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="augmented"/> is not a bias-free shallow network with at least 3 inputs and one output.</exception>
    public static LayeredNetwork RestrictToAugmentedInputs(LayeredNetwork augmented)
    {
        ArgumentNullException.ThrowIfNull(augmented);
        if (augmented.Depth != 1 || augmented.HasBias || augmented.InputDim < 3 || augmented.OutputDim != 1)
            throw new ArgumentException($"Expected a bias-free shallow network (d + 2, m + 1, 1), got {augmented}.", nameof(augmented));
        var hidden = augmented.Hidden(1);
        int d = hidden.FanIn - 2, n = hidden.FanOut;
        var weights = new double[n * d];
        var biases = new double[n];
        for (int i = 0; i < n; i++)
        {
            var row = hidden.Row(i);
            row[..d].CopyTo(weights.AsSpan(i * d));
            biases[i] = row[d] - row[d + 1];
        }
        var output = augmented.Next(1);
        return new LayeredNetwork([new DenseLayer(d, n, weights, biases), new DenseLayer(n, 1, output.Weights, [0.0])]);
    }

    /// <summary>
    /// Whether a bias-free shallow network lies in Q (Definition 3.2 as reconstructed): every neuron balanced within τ,
    /// no positively parallel pair within τ, and the last two coordinates of every incoming vector &gt; 0.
    /// </summary>
    /// <exception cref="ArgumentException">τ is not positive and finite.</exception>
    public static bool IsInRestrictedSpace(LayeredNetwork network, double tolerance = DegeneracyDiagnostics.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(network);
        DegeneracyDiagnostics.CheckTolerance(tolerance);
        if (network.Depth != 1 || network.HasBias || network.InputDim < 2 || network.OutputDim != 1)
            return false;
        var hidden = network.Hidden(1);
        var output = network.Next(1);
        for (int i = 0; i < hidden.FanOut; i++)
        {
            var row = hidden.Row(i);
            if (!(row[^2] > 0 && row[^1] > 0))
                return false;
            if (!DegeneracyDiagnostics.IsBalanced(hidden.IncomingNorm(i), output.ColumnNorm(i), tolerance))
                return false;
            for (int j = i + 1; j < hidden.FanOut; j++)
                if (DirectionComparison.Factor(hidden, i, j, tolerance) > 0)
                    return false;
        }
        return true;
    }

    private static double[] Filler(int d, double p, double q)
    {
        var row = new double[d + 2];
        row[d] = p;
        row[d + 1] = q;
        return row;
    }
}
