namespace ReluKernels.Theory;

/// <summary>
/// Initialisation schemes of one layer, as in Shin &amp; Karniadakis, "Trainability of ReLU networks and
/// Data-dependent Initialization" (Shin &amp; Karniadakis 2020), Eqs. (2) and (3).
/// </summary>
/// <remarks>
/// For the deadness of the layer's own neurons only the direction of each row matters. "Normal with bias" is taken to
/// mean W and b i.i.d. with the <b>same</b> variance, so the direction of [W, b] is uniform on the sphere — the
/// assumption of the paper's proofs (Lemma 11). With respect to the layer's own deadness it is then equivalent to
/// <see cref="HypersphereWithBias"/>, and <see cref="NormalWithoutBias"/> is equivalent to
/// <see cref="HypersphereWithoutBias"/>. (The <i>next</i> layer can still tell them apart, because it sees the row
/// norms; the results that depend on this name the scheme they assume.)
/// </remarks>
public enum LayerScheme
{
    /// <summary>W_j ~ N(0, σ² I), b = 0 (Shin &amp; Karniadakis 2020, Eq. (2), first line; He initialisation when σ² = 2/n).</summary>
    NormalWithoutBias,

    /// <summary>W_j and b_j i.i.d. N(0, σ²) with one common σ (Shin &amp; Karniadakis 2020, Eq. (2), second line, with σ_b = σ).</summary>
    NormalWithBias,

    /// <summary>W_j ~ Unif(S^{n−1}), b = 0 (Shin &amp; Karniadakis 2020, Eq. (3), first line).</summary>
    HypersphereWithoutBias,

    /// <summary>[W_j, b_j] ~ Unif(S^{n}) (Shin &amp; Karniadakis 2020, Eq. (3), second line).</summary>
    HypersphereWithBias,

    /// <summary>
    /// W_j and b_j i.i.d. N(0, 1): <see cref="NormalWithBias"/> with σ = 1 instead of the He scale. The paper gives no σ.
    /// The layer's own deadness is the same (the direction of [W, b] is uniform either way). Deeper layers differ: a later
    /// layer's pre-activation W·h + b weighs the incoming h, whose scale carries this layer's σ, against its own bias.
    /// </summary>
    NormalWithUnitBias,
}

/// <summary>
/// The four initialisations of the first two hidden layers covered by Shin &amp; Karniadakis 2020, Lemma 14 and Theorem 8 (input
/// dimension 1, input domain [−r, r]). Layer 1 is always "unit hypersphere" (Eq. (3)); layer 2 is always "normal"
/// (Eq. (2)), with W and b of equal variance when it has a bias.
/// </summary>
public enum FirstTwoLayersScheme
{
    /// <summary>
    /// Case (a): layer 1 unit hypersphere without bias (each weight ±1), layer 2 normal without bias.
    /// Shin &amp; Karniadakis 2020, Lemma 14 first bullet item 1; Theorem 8 first bullet item 1.
    /// </summary>
    NoBiasThenNoBias,

    /// <summary>
    /// Case (b): layer 1 unit hypersphere without bias, layer 2 normal with bias.
    /// Shin &amp; Karniadakis 2020, Lemma 14 first bullet item 2; Theorem 8 first bullet item 2.
    /// </summary>
    NoBiasThenBias,

    /// <summary>
    /// Case (c): layer 1 unit hypersphere with bias and width n₁ = 1, layer 2 normal without bias.
    /// Shin &amp; Karniadakis 2020, Lemma 14 second bullet item 1; Theorem 8 second bullet item 1.
    /// </summary>
    BiasThenNoBias,

    /// <summary>
    /// Case (d): layer 1 unit hypersphere with bias and width n₁ = 1, layer 2 normal with bias.
    /// Shin &amp; Karniadakis 2020, Lemma 14 second bullet item 2 and Lemma 15; Theorem 8 second bullet item 2.
    /// </summary>
    BiasThenBias,
}

/// <summary>
/// Which angle α_s to use in the integral for the second-layer born-dead probability p₂(s) of Shin &amp; Karniadakis 2020, Lemma 14 (b)
/// and Theorem 8 (b).
/// </summary>
public enum SignSplitAngle
{
    /// <summary>
    /// α_s = arctan(√s / √(n₁ − s)), the angle at which √s·|cos θ| = √(n₁ − s)·|sin θ|. With it the integral equals the
    /// exact probability (checked against the Gaussian-orthant integral and its closed form). The default.
    /// </summary>
    Corrected,

    /// <summary>
    /// α_s = arctan(s / (n₁ − s)) as printed in the paper. It agrees with <see cref="Corrected"/> only for
    /// s ∈ {0, n₁/2, n₁}; e.g. n₁ = 6, r = 1, s = 1 gives 0.24666 instead of the true 0.24427.
    /// </summary>
    AsPrinted,
}
