namespace ReluKernels.Theory;

/// <summary>
/// The stochastic matrix P₂ of the active-neuron chain from hidden layer 1 to hidden layer 2, and π₂ = π₁P₂, for input
/// dimension 1 and input domain [−r, r]: Shin &amp; Karniadakis (2020), Lemma 14, its four cases
/// (<see cref="FirstTwoLayersScheme"/>), with π₁ from Lemma 13.
/// </summary>
/// <remarks>
/// <para>
/// P₂ has size (n₁ + 1) × (n₂ + 1), (P₂)_{i+1, j+1} = P(m₂ = j | m₁ = i). Every row for m₁ = i is
/// Binomial(n₂, 1 − p₂)-mixed over the first layer's configuration (Lemma 12, Eq. (13)):
/// </para>
/// <list type="bullet">
/// <item>(a) last row C(n₂, j)[(1 − 2^{1−n₁})3^j/4^{n₂} + 2^{1−n₁−n₂}]: p₂ = 1/4 unless all first-layer signs agree
/// (probability 2^{1−n₁}), when it is 1/2;</item>
/// <item>(b) last row C(n₂, j)E_s[(1 − p₂(s))^j p₂(s)^{n₂−j}], s ~ Binomial(n₁, 1/2), p₂(s) from
/// <see cref="SecondLayerDeathProbability.GivenSignSplit"/> (corrected angle by default);</item>
/// <item>(c) n₁ = 1: row m₁ = 1 is Binomial(n₂, 1/2);</item>
/// <item>(d) n₁ = 1: row m₁ = 1 is C(n₂, j)E_ω[(1 − p₂(ω))^j p₂(ω)^{n₂−j}], ω ~ Unif(0, π/2 + arctan r), p₂(ω) from
/// Lemma 15, averaged by composite Gauss–Legendre split at the kink ω = π/2 − arctan r (entries to ~1e−13).</item>
/// </list>
/// <para>
/// Rows for m₁ &lt; n₁ are [1, 0, …, 0]: in (a), (b) they are never reached (m₁ = n₁ surely) and are the paper's
/// convention; in (c), (d) the row m₁ = 0 is exact (a dead first layer feeds a constant, so every second-layer neuron
/// is dead). All of Lemma 14 is <b>EXACT</b> (with the corrected angle in (b)).
/// </para>
/// </remarks>
public static class SecondLayerTransition
{
    /// <summary>Absolute tolerance of the ω-average in case (d).</summary>
    internal const double AverageTolerance = 1e-13;

    /// <summary>
    /// P₂ for the given case. Source: Shin &amp; Karniadakis 2020, Lemma 14. <b>EXACT</b> (case (b) with
    /// <see cref="SignSplitAngle.Corrected"/>; with <see cref="SignSplitAngle.AsPrinted"/> it is the paper's formula,
    /// which is not exact — see <see cref="SecondLayerDeathProbability"/>).
    /// </summary>
    /// <param name="scheme">Which case of Lemma 14.</param>
    /// <param name="firstLayerWidth">n₁ ≥ 1; must be 1 for <see cref="FirstTwoLayersScheme.BiasThenNoBias"/> and <see cref="FirstTwoLayersScheme.BiasThenBias"/>.</param>
    /// <param name="secondLayerWidth">n₂ ≥ 1.</param>
    /// <param name="r">Radius of the input interval [−r, r], finite and &gt; 0 (case (a) and (c) do not depend on it).</param>
    /// <param name="angle">Angle convention for case (b); ignored otherwise.</param>
    /// <returns>A new (n₁ + 1) × (n₂ + 1) row-stochastic matrix.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double[,] Matrix(FirstTwoLayersScheme scheme, int firstLayerWidth, int secondLayerWidth, double r,
        SignSplitAngle angle = SignSplitAngle.Corrected)
    {
        Validate(scheme, firstLayerWidth, secondLayerWidth, r, angle);
        double[] lastRow = ActiveRow(scheme, firstLayerWidth, secondLayerWidth, r, angle);
        var p = new double[firstLayerWidth + 1, secondLayerWidth + 1];
        for (int i = 0; i < firstLayerWidth; i++)
            p[i, 0] = 1;
        for (int j = 0; j <= secondLayerWidth; j++)
            p[firstLayerWidth, j] = lastRow[j];
        return p;
    }

    /// <summary>
    /// π₁ for the first layer of the given case (input dimension 1): δ_{n₁} without bias, (p̂₁(r), 1 − p̂₁(r)) with bias
    /// (n₁ = 1), p̂₁(r) = arctan(1/r)/π. Source: Shin &amp; Karniadakis 2020, Lemma 13. <b>EXACT</b>.
    /// </summary>
    /// <param name="scheme">Which case of Lemma 14.</param>
    /// <param name="firstLayerWidth">n₁ ≥ 1 (1 for the cases with a first-layer bias).</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <returns>A new array of length n₁ + 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double[] FirstLayerDistribution(FirstTwoLayersScheme scheme, int firstLayerWidth, double r)
    {
        Validate(scheme, firstLayerWidth, 1, r, SignSplitAngle.Corrected);
        var firstLayer = FirstLayerHasBias(scheme) ? LayerScheme.HypersphereWithBias : LayerScheme.HypersphereWithoutBias;
        return ShallowTrainability.ActiveCountDistribution(firstLayer, firstLayerWidth, 1, r);
    }

    /// <summary>
    /// π₂ = π₁P₂, the distribution of the number of active second-layer neurons. Source: Shin &amp; Karniadakis 2020, Lemma 14 ("Then
    /// π₂ = π₁P₂"). <b>EXACT</b> (case (b) with the corrected angle).
    /// </summary>
    /// <param name="scheme">Which case of Lemma 14.</param>
    /// <param name="firstLayerWidth">n₁ ≥ 1 (1 for the cases with a first-layer bias).</param>
    /// <param name="secondLayerWidth">n₂ ≥ 1.</param>
    /// <param name="r">Radius, finite and &gt; 0.</param>
    /// <param name="angle">Angle convention for case (b); ignored otherwise.</param>
    /// <returns>A new array of length n₂ + 1 summing to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double[] SecondLayerDistribution(FirstTwoLayersScheme scheme, int firstLayerWidth, int secondLayerWidth,
        double r, SignSplitAngle angle = SignSplitAngle.Corrected) =>
        ActiveNeuronChain.Step(FirstLayerDistribution(scheme, firstLayerWidth, r),
            Matrix(scheme, firstLayerWidth, secondLayerWidth, r, angle));

    /// <summary>The row of P₂ for m₁ = n₁ (all first-layer neurons active).</summary>
    private static double[] ActiveRow(FirstTwoLayersScheme scheme, int n1, int n2, double r, SignSplitAngle angle)
    {
        switch (scheme)
        {
            case FirstTwoLayersScheme.NoBiasThenNoBias:
            case FirstTwoLayersScheme.NoBiasThenBias:
                var (weights, deaths) = SignSplitMixture(scheme, n1, r, angle);
                return ActiveNeuronChain.MixtureRow(n2, weights, deaths);
            case FirstTwoLayersScheme.BiasThenNoBias:
                return ActiveNeuronChain.MixtureRow(n2, [1.0], [0.5]);
            default: // BiasThenBias
                return PiecewiseGaussLegendre.UniformAverage(OmegaBreaks(r), n2 + 1,
                    (omega, w, acc) => ActiveNeuronChain.AddBinomial(acc, w, SecondLayerDeathProbability.GivenFirstLayerAngle(omega, r)),
                    AverageTolerance);
        }
    }

    /// <summary>
    /// Cases (a), (b): the distribution of p₂ over the first layer's sign split s ~ Binomial(n₁, 1/2) (weights and the
    /// p₂ value for each s).
    /// </summary>
    internal static (double[] Weights, double[] DeathProbabilities) SignSplitMixture(
        FirstTwoLayersScheme scheme, int n1, double r, SignSplitAngle angle)
    {
        var weights = new double[n1 + 1];
        var deaths = new double[n1 + 1];
        for (int s = 0; s <= n1; s++)
        {
            weights[s] = BinomialPmf.Value(n1, s, 0.5, 0.5);
            deaths[s] = scheme == FirstTwoLayersScheme.NoBiasThenNoBias
                ? (s == 0 || s == n1 ? 0.5 : 0.25)
                : SecondLayerDeathProbability.GivenSignSplit(n1, s, r, angle);
        }
        return (weights, deaths);
    }

    /// <summary>Case (d): ω ~ Unif(0, π/2 + α_r) with the kink of p₂(ω) at π/2 − α_r, α_r = arctan r.</summary>
    internal static double[] OmegaBreaks(double r)
    {
        double alphaR = Math.Atan(r);
        return [0, Math.PI / 2 - alphaR, Math.PI / 2 + alphaR];
    }

    internal static bool FirstLayerHasBias(FirstTwoLayersScheme scheme) =>
        scheme is FirstTwoLayersScheme.BiasThenNoBias or FirstTwoLayersScheme.BiasThenBias;

    internal static void Validate(FirstTwoLayersScheme scheme, int firstLayerWidth, int secondLayerWidth, double r, SignSplitAngle angle)
    {
        if (!Enum.IsDefined(scheme))
            throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "scheme is not a defined FirstTwoLayersScheme value.");
        if (!Enum.IsDefined(angle))
            throw new ArgumentOutOfRangeException(nameof(angle), angle, "angle is not a defined SignSplitAngle value.");
        ShallowTrainability.RequirePositive(firstLayerWidth, nameof(firstLayerWidth));
        ShallowTrainability.RequirePositive(secondLayerWidth, nameof(secondLayerWidth));
        if (FirstLayerHasBias(scheme) && firstLayerWidth != 1)
            throw new ArgumentOutOfRangeException(nameof(firstLayerWidth), firstLayerWidth,
                $"Lemma 14 / Theorem 8 cover the scheme {scheme} (first layer with bias) only for firstLayerWidth = 1.");
        BornDeadProbability.RequireRadius(r, nameof(r));
    }
}
