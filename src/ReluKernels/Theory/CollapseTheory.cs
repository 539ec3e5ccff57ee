namespace ReluKernels.Theory;

/// <summary>
/// Closed-form collapse probabilities of deep and narrow ReLU networks at initialisation: Lu, Su &amp; Karniadakis,
/// "Collapse of deep and narrow neural nets" (Lu et al. 2019; arXiv 1808.04947), Lemma 7, Theorems 8 and 9 and Eq. (5), and
/// the refined born-dead bound of the journal version (Lu, Shin, Su &amp; Karniadakis, "Dying ReLU and initialization",
/// arXiv 1903.06733, Theorem 3, as quoted by Shin &amp; Karniadakis 2020, Appendix G).
/// </summary>
/// <remarks>
/// <para>
/// Layer counting. The paper's "L-layer network" counts every layer that has weights, the last one included. Methods
/// that take <c>layerWidths</c> use that convention (N₁..N_L, the last entry being the last layer). The equal-width
/// overloads and the born-dead bounds count <b>hidden ReLU layers</b>, as the rest of ReluKernels does (docs/definitions.md).
/// </para>
/// <para>
/// Weights are assumed independent, symmetric about 0 and continuous (so P(w·x + b = 0) = 0), which is what Lemma 7
/// needs; He/LeCun normal and Glorot uniform all qualify. Every function is pure, thread-safe, never returns NaN and
/// is evaluated without catastrophic cancellation, so tiny probabilities at large widths keep their relative accuracy.
/// </para>
/// <para>Documentation: docs/theory/collapse.md.</para>
/// </remarks>
public static class CollapseTheory
{
    /// <summary>
    /// Probability that a single ReLU layer with <paramref name="outputs"/> neurons outputs the zero vector at a fixed
    /// input x ≠ 0: 2^−N. Source: Lu et al. 2019, Lemma 7. <b>EXACT</b> for independent, symmetric, continuous weights with
    /// zero or symmetric random biases (each neuron's pre-activation is positive with probability 1/2, independently).
    /// With zero biases and input x = 0 the output is always zero (not covered here).
    /// </summary>
    /// <param name="outputs">Number of neurons N of the layer, ≥ 1.</param>
    /// <returns>2^−N (0 once it underflows, for N &gt; 1074).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputs"/> &lt; 1.</exception>
    public static double OneLayerZeroProbability(int outputs)
    {
        RequireWidth(outputs, nameof(outputs));
        return Math.ScaleB(1.0, -outputs);
    }

    /// <summary>
    /// Probability that the output of a bias-free ReLU network is the zero vector at one fixed input x ≠ 0:
    /// 1 − ∏_{l=1}^{L} (1 − 2^−N_l) when the last layer also applies ReLU, else 1 − ∏_{l=1}^{L−1} (1 − 2^−N_l).
    /// Source: Lu et al. 2019, Theorem 8 (proof in its Appendix H). <b>EXACT</b> per input, for independent, symmetric,
    /// continuous weights and all biases zero (zero is then absorbing, and each layer kills a nonzero input with
    /// probability 2^−N_l by Lemma 7). As a probability that the network is the zero <i>function</i> on a domain it is
    /// only an <b>upper BOUND</b> (that event implies the per-input one), which is how the paper uses it.
    /// </summary>
    /// <param name="layerWidths">
    /// N₁..N_L: the widths of all L layers of the paper's network, the last (output) layer included; at least one entry,
    /// each ≥ 1. The input dimension is not needed.
    /// </param>
    /// <param name="lastLayerRelu">
    /// Whether the last layer also applies ReLU. If not, it is linear and never maps a nonzero input to zero
    /// (probability 1), so its width does not enter; for L = 1 the result is then 0.
    /// </param>
    /// <returns>The per-input zero probability, in [0, 1].</returns>
    /// <exception cref="ArgumentException"><paramref name="layerWidths"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A width is &lt; 1.</exception>
    public static double PerInputZeroProbability(ReadOnlySpan<int> layerWidths, bool lastLayerRelu)
    {
        RequireWidths(layerWidths, nameof(layerWidths));
        int reluLayers = lastLayerRelu ? layerWidths.Length : layerWidths.Length - 1;
        double logSurvival = 0;
        for (int l = 0; l < reluLayers; l++)
            logSurvival += LogSurvivalOfLayer(layerWidths[l]);
        return AccurateMath.OneMinusExp(logSurvival);
    }

    /// <summary>
    /// Theorem 8 for <paramref name="layers"/> ReLU layers of equal width N (our <c>depth</c> hidden layers, measured at
    /// the last hidden layer): 1 − (1 − 2^−N)^L. Source: Lu et al. 2019, Theorem 8 with all N_l = N and ReLU on the last layer.
    /// <b>EXACT</b> per fixed input x ≠ 0 (bias-free, independent symmetric continuous weights); an <b>upper BOUND</b>
    /// on the probability that some hidden layer is identically zero on a domain (born dead / collapsed).
    /// </summary>
    /// <param name="width">Width N of every layer, ≥ 1.</param>
    /// <param name="layers">Number of ReLU layers L, ≥ 1.</param>
    /// <returns>1 − (1 − 2^−N)^L, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> &lt; 1 or <paramref name="layers"/> &lt; 1.</exception>
    public static double PerInputZeroProbability(int width, int layers)
    {
        RequireWidth(width, nameof(width));
        RequireLayers(layers, nameof(layers));
        return AccurateMath.OneMinusExp(layers * LogSurvivalOfLayer(width));
    }

    /// <summary>
    /// Per-input degeneracy probability when weights <b>and</b> biases are random. If the last layer applies ReLU:
    /// P(x^L = 0) = 2^−N_L, independent of depth. If the last layer is linear (requires L ≥ 2): P(x^L = b^L) = 2^−N_{L−1}
    /// (the output equals the last bias exactly when layer L − 1 outputs zero). Source: Lu et al. 2019, Theorem 9 (proof in its
    /// Appendix I). <b>EXACT</b> per fixed input, for independent, symmetric, continuous weights and biases (by Lemma 7
    /// applied to the augmented input (x^{l−1}, 1), which is never zero).
    /// </summary>
    /// <param name="layerWidths">N₁..N_L, the widths of all L layers, the last layer included; each ≥ 1.</param>
    /// <param name="lastLayerRelu">Whether the last layer applies ReLU.</param>
    /// <returns>2^−N_L if <paramref name="lastLayerRelu"/>, else 2^−N_{L−1}.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="layerWidths"/> is empty, or has one entry while <paramref name="lastLayerRelu"/> is false (Theorem 9
    /// needs L ≥ 2 for a linear last layer; the paper calls L = 1 trivial).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A width is &lt; 1.</exception>
    public static double PerInputZeroProbabilityWithBiases(ReadOnlySpan<int> layerWidths, bool lastLayerRelu)
    {
        RequireWidths(layerWidths, nameof(layerWidths));
        if (lastLayerRelu)
            return Math.ScaleB(1.0, -layerWidths[^1]);
        if (layerWidths.Length < 2)
            throw new ArgumentException(
                "Theorem 9 with a linear last layer needs at least two layers (L >= 2); layerWidths has one entry.",
                nameof(layerWidths));
        return Math.ScaleB(1.0, -layerWidths[^2]);
    }

    /// <summary>
    /// Largest (real) depth L at which Theorem 8's per-input zero probability at constant width N stays ≤ p:
    /// L_max = ln(1 − p) / ln(1 − 2^−N), i.e. 1 − (1 − 2^−N)^L ≤ p ⇔ L ≤ L_max. Source: Lu et al. 2019, Eq. (5) (plotted in its
    /// Fig. 6B). <b>EXACT</b> inversion of Theorem 8; because Theorem 8 is an upper bound on the collapse probability,
    /// L_max is a conservative (<b>lower BOUND</b>) estimate of the depth that keeps collapse below p.
    /// </summary>
    /// <param name="width">Width N of every layer, ≥ 1.</param>
    /// <param name="p">Tolerated probability, in the open interval (0, 1).</param>
    /// <returns>
    /// L_max &gt; 0, not rounded (the paper's table prints it to two decimals, e.g. N = 10, p = 0.01 → 10.29);
    /// +∞ when the value exceeds the double range (N ≳ 1024).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> &lt; 1, or <paramref name="p"/> not in (0, 1).</exception>
    public static double MaxDepthForZeroProbability(int width, double p)
    {
        RequireWidth(width, nameof(width));
        if (!(p > 0 && p < 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie in the open interval (0, 1).");
        double logSurvival = LogSurvivalOfLayer(width);
        if (logSurvival == 0)
            return double.PositiveInfinity; // 2^-N underflowed: the true value is beyond the double range.
        return AccurateMath.Log1P(-p) / logSurvival;
    }

    /// <summary>
    /// Refined <b>lower BOUND</b> on the probability that a bias-free network with input dimension 1 and
    /// <paramref name="hiddenLayers"/> hidden ReLU layers of width n is born dead (some hidden layer identically zero on
    /// the input domain):
    /// 1 − a₁^{H−1} + c·(a₂^{H−1} − a₁^{H−1}), with a₁ = 1 − 2^−n, a₂ = 1 − 2^{−n+1} − (n − 1)·2^{−2n},
    /// c = (1 − 2^{−n+1})(1 − 2^−n) / (1 + (n − 1)·2^−n).
    /// Source: Lu, Shin, Su &amp; Karniadakis, arXiv 1903.06733 (journal version of Lu et al. (2019)), Theorem 3, quoted exactly in
    /// Shin &amp; Karniadakis 2020, Appendix G, whose L is our H + 1 (exponent L − 2 = H − 1); derivation in
    /// docs/theory/collapse.md. A bound: it is 1 minus the survival of a 3-state chain that treats every two-sided state
    /// as if its two sides had disjoint supports, which is exact from hidden layer 1 to 2 and optimistic afterwards.
    /// Weights independent, symmetric, continuous; zero biases.
    /// </summary>
    /// <remarks>
    /// Evaluated through that chain by binary powering with only non-negative terms (mathematically identical to the
    /// closed form, which cancels catastrophically at large n). 0 for H = 1: hidden layer 1 is never dead when
    /// d_in = 1 and there is no bias. At n = 2, H = 2 it equals 5/32, Theorem 10's value at L = 2.
    /// </remarks>
    /// <param name="width">Width n of every hidden layer, ≥ 1.</param>
    /// <param name="hiddenLayers">Number H of hidden ReLU layers, ≥ 1.</param>
    /// <returns>The lower bound, in [0, <see cref="BornDeadUpperBound"/>].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> &lt; 1 or <paramref name="hiddenLayers"/> &lt; 1.</exception>
    public static double BornDeadLowerBound(int width, int hiddenLayers)
    {
        RequireWidth(width, nameof(width));
        RequireLayers(hiddenLayers, nameof(hiddenLayers));
        int steps = hiddenLayers - 1;
        if (steps == 0)
            return 0;
        var chain = new BornDeadChain(width);
        double lower = chain.DeathProbability(steps);
        // Mathematically lower <= upper <= 1; the clamp only guards against a last-ulp rounding difference.
        return Math.Clamp(lower, 0.0, BornDeadUpperBound(width, hiddenLayers));
    }

    /// <summary>
    /// <b>Upper BOUND</b> on the probability that a bias-free network with input dimension 1 and
    /// <paramref name="hiddenLayers"/> hidden ReLU layers of width n is born dead: 1 − (1 − 2^−n)^{H−1}.
    /// Source: re-derived (docs/theory/collapse.md; companion of the journal lower bound, arXiv 1903.06733 Theorem 3):
    /// after hidden layer 1 at least one side of the input domain is alive, and that side alone survives each later
    /// layer with probability exactly 1 − 2^−n (Lemma 7). Weights independent, symmetric, continuous; zero biases.
    /// It is below Theorem 8's 1 − (1 − 2^−n)^H.
    /// </summary>
    /// <param name="width">Width n of every hidden layer, ≥ 1.</param>
    /// <param name="hiddenLayers">Number H of hidden ReLU layers, ≥ 1.</param>
    /// <returns>1 − (1 − 2^−n)^{H−1}, in [0, 1]; 0 for H = 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> &lt; 1 or <paramref name="hiddenLayers"/> &lt; 1.</exception>
    public static double BornDeadUpperBound(int width, int hiddenLayers)
    {
        RequireWidth(width, nameof(width));
        RequireLayers(hiddenLayers, nameof(hiddenLayers));
        return AccurateMath.OneMinusExp((hiddenLayers - 1) * LogSurvivalOfLayer(width));
    }

    /// <summary>ln(1 − 2^−N): log-probability that a layer of width N keeps a nonzero input alive.</summary>
    private static double LogSurvivalOfLayer(int width) => AccurateMath.Log1P(-Math.ScaleB(1.0, -width));

    private static void RequireWidth(int width, string paramName)
    {
        if (width < 1)
            throw new ArgumentOutOfRangeException(paramName, width, $"{paramName} must be at least 1.");
    }

    private static void RequireLayers(int layers, string paramName)
    {
        if (layers < 1)
            throw new ArgumentOutOfRangeException(paramName, layers, $"{paramName} must be at least 1.");
    }

    private static void RequireWidths(ReadOnlySpan<int> widths, string paramName)
    {
        if (widths.IsEmpty)
            throw new ArgumentException($"{paramName} must contain at least one layer width.", paramName);
        for (int l = 0; l < widths.Length; l++)
            if (widths[l] < 1)
                throw new ArgumentOutOfRangeException(paramName, widths[l],
                    $"{paramName}[{l}] (the width of layer {l + 1}) must be at least 1.");
    }

    /// <summary>
    /// The 3-state chain behind <see cref="BornDeadLowerBound"/>, on hidden layers 2..H, for width n and e = 2^−n:
    /// "two-sided" (both sides alive; stays with a₂ = 1 − 2e − (n − 1)e², becomes "one ray" with b = 2e + (n − 2)e²,
    /// dies with e²), "one ray" (stays with a₁ = 1 − e, dies with e) and "dead" (absorbing). After hidden layer 1 it is
    /// two-sided with probability 1 − 2e and one ray with probability 2e.
    /// </summary>
    /// <remarks>
    /// The k-step matrix has the diagonal a₂^k, a₁^k (evaluated as exponentials of accurate logarithms), the ray-death
    /// entry 1 − a₁^k (by expm1) and two entries without a cancellation-free closed form — two→ray and two→dead — which
    /// binary powering builds from products and sums of non-negative numbers only, so their relative error stays at
    /// O(ε log k) even when they are of order 2^−2n.
    /// </remarks>
    private readonly struct BornDeadChain
    {
        private readonly double _logStayTwoSided; // ln a2 (−∞ for n = 1, where a2 = 0)
        private readonly double _logStayRay;      // ln a1
        private readonly double _twoToRay;        // b
        private readonly double _twoToDead;       // e^2
        private readonly double _startRay;        // 2e

        public BornDeadChain(int n)
        {
            double e = Math.ScaleB(1.0, -n);
            double e2 = Math.ScaleB(e, -n);
            _logStayTwoSided = AccurateMath.Log1P(-(2 * e + (n - 1.0) * e2));
            _logStayRay = AccurateMath.Log1P(-e);
            _twoToRay = 2 * e + (n - 2.0) * e2;
            _twoToDead = e2;
            _startRay = 2 * e;
        }

        /// <summary>P(dead after <paramref name="steps"/> ≥ 1 transitions), from the distribution after hidden layer 1.</summary>
        public double DeathProbability(int steps)
        {
            var result = default(Power);
            bool haveResult = false;
            var basePower = new Power(1, _twoToRay, _twoToDead);
            for (int remaining = steps; ;)
            {
                if ((remaining & 1) != 0)
                {
                    result = haveResult ? Multiply(result, basePower) : basePower;
                    haveResult = true;
                }
                remaining >>= 1;
                if (remaining == 0)
                    break;
                basePower = Multiply(basePower, basePower);
            }
            double fromTwoSided = result.TwoToDead;
            double fromRay = RayToDead(result.Steps);
            return (1.0 - _startRay) * fromTwoSided + _startRay * fromRay;
        }

        private double StayTwoSided(long k) => Math.Exp(k * _logStayTwoSided);

        private double StayRay(long k) => Math.Exp(k * _logStayRay);

        private double RayToDead(long k) => AccurateMath.OneMinusExp(k * _logStayRay);

        /// <summary>M^{a+b} = M^a·M^b restricted to the two entries carried explicitly (column "two-sided").</summary>
        private Power Multiply(Power a, Power b) => new(
            a.Steps + b.Steps,
            a.TwoToRay * StayTwoSided(b.Steps) + StayRay(a.Steps) * b.TwoToRay,
            a.TwoToDead * StayTwoSided(b.Steps) + RayToDead(a.Steps) * b.TwoToRay + b.TwoToDead);

        private readonly record struct Power(long Steps, double TwoToRay, double TwoToDead);
    }
}
