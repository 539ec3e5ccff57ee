using MathNet.Numerics.LinearAlgebra;

namespace ReluKernels.Theory;

/// <summary>
/// The 16-state Markov chain of Lu et al. 2019, Theorem 10 (Lu, Su &amp; Karniadakis, "Collapse of deep and narrow neural
/// nets", Eq. (4) and Appendix J): probability that a width-2, bias-free ReLU network with input dimension 1 and ReLU on
/// every layer is the zero (constant) function on [−a, a] after L layers: ρ_L[16] with ρ_L = P^{L−1} ρ₁.
/// </summary>
/// <remarks>
/// <para>
/// States. With zero bias a layer outputs x·α for x ≥ 0 and x·β for x ≤ 0 (α ≥ 0, β ≤ 0 componentwise). Case
/// k = 4U + V + 1 (index k − 1 here), where U is the support pattern of α and V that of β: 0 = both components
/// nonzero, 1 = first only, 2 = second only, 3 = none. Case 16 (index 15) is the zero function and is absorbing.
/// </para>
/// <para>
/// Exactness. <b>EXACT for L ≤ 2</b> (ρ₁ and ρ₂ only involve one-sided and orthogonal states, whose transitions need
/// only independent symmetric continuous weights). <b>An APPROXIMATION beyond</b>: the transitions out of the
/// general-position and axis states average over the angles φ of α and ψ of β as if they were <i>uniform</i> in their
/// quadrants at every layer, and use the per-neuron probability θ/2π, which assumes rotation-invariant weight rows
/// (e.g. i.i.d. Gaussian). Measured (docs/theory/collapse.md): for Gaussian weights the angles are uniform at layer 2,
/// so L = 3 agrees with simulation too; from L = 4 on the chain under-predicts collapse by up to 0.007.
/// </para>
/// <para>
/// Construction. P is built from the case structure, not transcribed: the next layer's two neurons are independent
/// given the current geometry; each is in one of four states — active on both sides, on the x ≥ 0 side only, on the
/// x ≤ 0 side only, on neither — and the pair of states determines the next case. For the angle θ between α and β the
/// four per-neuron probabilities are θ/2π, (π − θ)/2π, (π − θ)/2π, θ/2π.
/// </para>
/// </remarks>
public static class WidthTwoCollapseChain
{
    /// <summary>Number of states (cases) of the chain: 16.</summary>
    public const int StateCount = 16;

    /// <summary>Index (0-based) of case 16, the zero function.</summary>
    private const int CollapsedState = StateCount - 1;

    // Per-neuron states: 0 = active on both sides, 1 = x >= 0 side only, 2 = x <= 0 side only, 3 = neither.
    private const int NeuronStates = 4;

    /// <summary>
    /// Angle averages for a current state in general position (case 1): φ ~ U(0, π/2), ψ ~ U(π, 3π/2) independent,
    /// θ = ψ − φ if ψ − φ &lt; π else 2π + φ − ψ. Writing γ = π − θ = |ψ − π − φ|, the difference of two independent
    /// U(0, π/2) variables has |·| = (π/2)·w with density 2(1 − w) on (0, 1), so E[w] = 1/3, E[w²] = 1/6 and
    /// E[(θ/2π)²] = E[(1 − w/2)²]/4 = 17/96, E[θ(π − θ)/4π²] = E[w/2 − w²/4]/4 = 1/32, E[((π − θ)/2π)²] = E[w²/4]/4 = 1/96.
    /// </summary>
    internal static readonly AngleMoments GeneralPosition = new(17.0 / 96, 1.0 / 32, 1.0 / 96);

    /// <summary>
    /// Angle averages for one side in general position and the other on an axis (cases 2, 3, 5, 9): θ = π − φ with
    /// φ ~ U(0, π/2), i.e. w = 2φ/π ~ U(0, 1), E[w] = 1/2, E[w²] = 1/3, giving 7/48, 1/24, 1/48 by the same expressions.
    /// </summary>
    internal static readonly AngleMoments AxisPosition = new(7.0 / 48, 1.0 / 24, 1.0 / 48);

    private static readonly double[] Rho1 = BuildInitialDistribution();
    private static readonly double[,] P = BuildTransitionMatrix();

    /// <summary>
    /// ρ₁, the distribution of the case after the first layer: (0, 0, 0, 1/4, 0, 0, 1/4, 0, 0, 1/4, 0, 0, 1/4, 0, 0, 0)
    /// (each first-layer neuron ReLU(w·x) is active on exactly one side, each with probability 1/2). Source: Lu et al. (2019),
    /// Theorem 10 / Appendix J. <b>EXACT</b> for independent symmetric continuous weights. A fresh copy on every call.
    /// </summary>
    public static Vector<double> InitialDistribution => Vector<double>.Build.DenseOfArray((double[])Rho1.Clone());

    /// <summary>
    /// The column-stochastic transition matrix P: P[j, i] = P(layer l + 1 is in case j + 1 | layer l is in case i + 1)
    /// (0-based indices; the paper's case k is index k − 1). Source: Lu et al. 2019, Theorem 10 / Appendix J, rebuilt from the
    /// case structure. Columns of the one-sided, parallel, orthogonal and absorbing cases are <b>EXACT</b>; columns of the
    /// general-position and axis cases (1, 2, 3, 5, 9) are an <b>APPROXIMATION</b> that assumes uniform angles and
    /// rotation-invariant weight rows. A fresh copy on every call.
    /// </summary>
    public static Matrix<double> TransitionMatrix => Matrix<double>.Build.DenseOfArray((double[,])P.Clone());

    /// <summary>
    /// ρ_L = P^{L−1} ρ₁: the distribution of the case after <paramref name="layers"/> layers. Source: Lu et al. (2019),
    /// Theorem 10, Eq. (4). <b>EXACT for L ≤ 2; an APPROXIMATION beyond (assumes uniform angles)</b> — see the class
    /// remarks. A fresh vector on every call.
    /// </summary>
    /// <param name="layers">Number of layers L (all with ReLU), ≥ 1.</param>
    /// <returns>A probability vector of length 16 (sums to 1 up to rounding).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layers"/> &lt; 1.</exception>
    public static Vector<double> Distribution(int layers) => Vector<double>.Build.DenseOfArray(Propagate(layers));

    /// <summary>
    /// Probability that a width-2, bias-free ReLU network with input dimension 1 and <paramref name="layers"/> layers,
    /// all with ReLU, is the zero function on [−a, a]: ρ_L[16]. Source: Lu et al. 2019, Theorem 10. <b>EXACT for L ≤ 2
    /// (0 and 5/32); an APPROXIMATION beyond (assumes uniform angles)</b>, e.g. 1045/3072 at L = 3 and 146041/294912 at
    /// L = 4 under that assumption. Non-decreasing in L.
    /// </summary>
    /// <param name="layers">Number of layers L (all with ReLU), ≥ 1.</param>
    /// <returns>ρ_L[16], in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layers"/> &lt; 1.</exception>
    public static double CollapseProbability(int layers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        var known = Volatile.Read(ref s_collapseByLayers);
        if (layers > known.Values.Length && !known.Converged)
        {
            // Doubling: a report of every depth 1..L costs O(L) chain steps in all, not L²/2 (minutes at L = 20 000).
            known = CollapseSeries((int)Math.Min(int.MaxValue, Math.Max(layers, 2L * known.Values.Length)));
            Volatile.Write(ref s_collapseByLayers, known);
        }
        return known.Values[Math.Min(layers, known.Values.Length) - 1];
    }

    // CollapseProbability(l) at index l − 1 for every l computed so far, and whether the chain reached its fixed point
    // (every later l gives the last value); replaced whole, so readers never see it half-built.
    private static CollapseSeriesSoFar s_collapseByLayers = new([], Converged: false);

    private sealed record CollapseSeriesSoFar(double[] Values, bool Converged);

    /// <summary>CollapseProbability(1..layers) by the steps of <see cref="Propagate"/>, stopping at the fixed point as it does.</summary>
    private static CollapseSeriesSoFar CollapseSeries(int layers)
    {
        var series = new List<double>();
        var rho = (double[])Rho1.Clone();
        var next = new double[StateCount];
        series.Add(Math.Clamp(rho[CollapsedState], 0.0, 1.0));
        for (int step = 1; step < layers; step++)
        {
            bool changed = Step(rho, next);
            if (!changed)
                return new([.. series], Converged: true);
            (rho, next) = (next, rho);
            series.Add(Math.Clamp(rho[CollapsedState], 0.0, 1.0));
        }
        return new([.. series], Converged: false);
    }

    /// <summary>next = P·rho; whether any entry changed (false at the chain's fixed point).</summary>
    private static bool Step(double[] rho, double[] next)
    {
        bool changed = false;
        for (int j = 0; j < StateCount; j++)
        {
            double sum = 0;
            for (int i = 0; i < StateCount; i++)
                sum += P[j, i] * rho[i];
            next[j] = sum;
            changed |= sum != rho[j];
        }
        return changed;
    }

    /// <summary>ρ_L by repeated multiplication; stops early once the vector is a fixed point (all transient mass underflowed).</summary>
    private static double[] Propagate(int layers)
    {
        if (layers < 1)
            throw new ArgumentOutOfRangeException(nameof(layers), layers, "layers must be at least 1.");
        var rho = (double[])Rho1.Clone();
        var next = new double[StateCount];
        for (int step = 1; step < layers; step++)
        {
            bool changed = Step(rho, next);
            (rho, next) = (next, rho);
            if (!changed)
                break;
        }
        return rho;
    }

    private static double[] BuildInitialDistribution()
    {
        // Layer 1 sees the raw input: each neuron ReLU(w x) is active on the x >= 0 side (w > 0) or on the x <= 0 side
        // (w < 0), each with probability 1/2, independently.
        double[] neuron = [0, 0.5, 0.5, 0];
        var pair = Outer(neuron, neuron);
        var rho = new double[StateCount];
        for (int j = 0; j < StateCount; j++)
            rho[j] = pair[NeuronState(j, 0), NeuronState(j, 1)];
        return rho;
    }

    private static double[,] BuildTransitionMatrix()
    {
        var p = new double[StateCount, StateCount];
        for (int i = 0; i < StateCount; i++)
        {
            var pair = NeuronPairDistribution(i / 4, i % 4);
            for (int j = 0; j < StateCount; j++)
                p[j, i] = pair[NeuronState(j, 0), NeuronState(j, 1)];
        }
        return p;
    }

    /// <summary>
    /// Joint distribution of the two next-layer neurons' states given the current case (U, V), following the proof's
    /// cases i–vii (Lu et al. 2019, Appendix J).
    /// </summary>
    private static double[,] NeuronPairDistribution(int u, int v)
    {
        if (u == 3 && v == 3) // case 16: zero input, zero output
            return Outer([0, 0, 0, 1], [0, 0, 0, 1]);
        if (u == 3) // cases 13-15: only the x <= 0 side is alive; each neuron is active on it with probability 1/2
            return Outer([0, 0, 0.5, 0.5], [0, 0, 0.5, 0.5]);
        if (v == 3) // cases 4, 8, 12: only the x >= 0 side is alive
            return Outer([0, 0.5, 0, 0.5], [0, 0.5, 0, 0.5]);
        if (u == 0 && v == 0) // case 1: both sides in general position, uniform angles assumed
            return GeneralPosition.PairDistribution();
        if (u == 0 || v == 0) // cases 2, 3, 5, 9: one side in general position, the other on an axis
            return AxisPosition.PairDistribution();
        // Both sides on an axis: the same axis (cases 6, 11: θ = π, each neuron active on both sides or on neither,
        // probability 1/2 each) or orthogonal axes (cases 7, 10: θ = π/2, all four states 1/4).
        return u == v ? AngleMoments.FixedAngle(0.5).PairDistribution() : AngleMoments.FixedAngle(0.25).PairDistribution();
    }

    /// <summary>
    /// State of <paramref name="neuron"/> (0 or 1) that case index <paramref name="caseIndex"/> = 4U + V requires:
    /// the neuron is active on the x ≥ 0 side iff pattern U includes it, and on the x ≤ 0 side iff V includes it.
    /// </summary>
    private static int NeuronState(int caseIndex, int neuron)
    {
        bool positiveSide = PatternIncludes(caseIndex / 4, neuron);
        bool negativeSide = PatternIncludes(caseIndex % 4, neuron);
        return (positiveSide, negativeSide) switch
        {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            _ => 3,
        };
    }

    /// <summary>Support pattern 0 = both neurons, 1 = first only, 2 = second only, 3 = none.</summary>
    private static bool PatternIncludes(int pattern, int neuron) => pattern == 0 || pattern == neuron + 1;

    private static double[,] Outer(double[] a, double[] b)
    {
        var r = new double[NeuronStates, NeuronStates];
        for (int s = 0; s < NeuronStates; s++)
            for (int t = 0; t < NeuronStates; t++)
                r[s, t] = a[s] * b[t];
        return r;
    }

    /// <summary>
    /// Second moments of the per-neuron probabilities over the angle θ between α and β: with T = θ/2π (both sides or
    /// neither) and O = (π − θ)/2π (one side only), <see cref="BothBoth"/> = E[T²], <see cref="BothOne"/> = E[T·O],
    /// <see cref="OneOne"/> = E[O²]. Two neurons are independent given θ, so their joint state probability is the
    /// moment of the matching pair of types.
    /// </summary>
    internal readonly record struct AngleMoments(double BothBoth, double BothOne, double OneOne)
    {
        /// <summary>A fixed angle with per-neuron probability <paramref name="t"/> = θ/2π of "both sides".</summary>
        public static AngleMoments FixedAngle(double t) => new(t * t, t * (0.5 - t), (0.5 - t) * (0.5 - t));

        public double[,] PairDistribution()
        {
            var r = new double[NeuronStates, NeuronStates];
            for (int s = 0; s < NeuronStates; s++)
                for (int t = 0; t < NeuronStates; t++)
                {
                    bool sBoth = s is 0 or 3, tBoth = t is 0 or 3; // "both sides" and "neither" have probability θ/2π
                    r[s, t] = sBoth && tBoth ? BothBoth : sBoth || tBoth ? BothOne : OneOne;
                }
            return r;
        }
    }
}
