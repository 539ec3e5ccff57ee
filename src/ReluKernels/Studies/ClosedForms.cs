using ReluKernels.Theory;

namespace ReluKernels.Studies;

/// <summary>
/// The closed forms most studies need, in one place and in one vocabulary: <c>width</c> neurons per hidden layer,
/// <c>depth</c> hidden ReLU layers, input dimension 1 and domain [−1, 1] unless stated. Each member forwards to the
/// class in <see cref="ReluKernels.Theory"/> that implements and documents it (accuracy, exactness, derivation); those
/// classes also hold the less common variants (per-layer widths, linear last layer, the depth-3 trainability).
/// </summary>
/// <example>
/// <code>
/// double perInput = ClosedForms.PerInputZeroProbability(width: 2, depth: 10);   // Lu et al. 2019, Theorem 8
/// double trainable = ClosedForms.ShallowTrainability(width: 2, required: 2);    // Shin &amp; Karniadakis 2020, Theorem 3: 0.5625
/// </code>
/// </example>
public static class ClosedForms
{
    /// <summary>
    /// Lu, Su &amp; Karniadakis 2019, Theorem 8: 1 − (1 − 2^−width)^depth, the probability that the last hidden layer of
    /// a bias-free network is the zero vector at one input x ≠ 0. Exact per input for independent, symmetric, continuous
    /// weights; an upper bound on collapse (<see cref="CollapseTheory.PerInputZeroProbability(int, int)"/>).
    /// </summary>
    /// <param name="width">Neurons per hidden layer, ≥ 1.</param>
    /// <param name="depth">Hidden ReLU layers, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="depth"/> &lt; 1.</exception>
    public static double PerInputZeroProbability(int width, int depth)
    {
        RequireDepth(depth);
        return CollapseTheory.PerInputZeroProbability(width, depth);
    }

    /// <summary>
    /// Lu, Su &amp; Karniadakis 2019, Theorem 9: 2^−width, the probability that the last hidden layer is zero at one
    /// input when weights and biases are random, whatever the depth (<see cref="CollapseTheory.OneLayerZeroProbability"/>).
    /// </summary>
    /// <param name="width">Neurons per hidden layer, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> &lt; 1.</exception>
    public static double PerInputZeroProbabilityWithBiases(int width)
    {
        Theory.ShallowTrainability.RequirePositive(width, nameof(width));
        return CollapseTheory.OneLayerZeroProbability(width);
    }

    /// <summary>
    /// Lu, Su &amp; Karniadakis 2019, Eq. (5): the largest (real) depth at which Theorem 8 stays ≤ <paramref name="p"/>,
    /// a conservative safe depth (<see cref="CollapseTheory.MaxDepthForZeroProbability"/>).
    /// </summary>
    /// <param name="width">Neurons per hidden layer, ≥ 1.</param>
    /// <param name="p">Tolerated probability, in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> &lt; 1 or <paramref name="p"/> outside (0, 1).</exception>
    public static double MaxSafeDepth(int width, double p) => CollapseTheory.MaxDepthForZeroProbability(width, p);

    /// <summary>
    /// Lower bound on the probability that a bias-free network is born dead (some hidden layer identically zero on the
    /// domain): the refined bound of Lu, Shin, Su &amp; Karniadakis (journal version of Lu et al. 2019, Theorem 3)
    /// (<see cref="CollapseTheory.BornDeadLowerBound"/>).
    /// </summary>
    /// <param name="width">Neurons per hidden layer, ≥ 1.</param>
    /// <param name="depth">Hidden ReLU layers, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="depth"/> &lt; 1.</exception>
    public static double BornDeadLowerBound(int width, int depth)
    {
        RequireDepth(depth);
        return CollapseTheory.BornDeadLowerBound(width, depth);
    }

    /// <summary>
    /// Upper bound 1 − (1 − 2^−width)^(depth−1) on the probability that a bias-free network is born dead
    /// (<see cref="CollapseTheory.BornDeadUpperBound"/>).
    /// </summary>
    /// <param name="width">Neurons per hidden layer, ≥ 1.</param>
    /// <param name="depth">Hidden ReLU layers, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="depth"/> &lt; 1.</exception>
    public static double BornDeadUpperBound(int width, int depth)
    {
        RequireDepth(depth);
        return CollapseTheory.BornDeadUpperBound(width, depth);
    }

    /// <summary>
    /// Lu, Su &amp; Karniadakis 2019, Theorem 10: the collapse probability of a width-2, bias-free network from its
    /// 16-state chain. Exact for depth ≤ 2 (0 and 5/32); beyond that the chain assumes uniform angles and is an
    /// approximation that simulation rejects from depth 4 on (docs/theory/collapse.md;
    /// <see cref="WidthTwoCollapseChain.CollapseProbability"/>).
    /// </summary>
    /// <param name="depth">Hidden ReLU layers, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> &lt; 1.</exception>
    public static double WidthTwoCollapseProbability(int depth)
    {
        RequireDepth(depth);
        return WidthTwoCollapseChain.CollapseProbability(depth);
    }

    /// <summary>
    /// Shin &amp; Karniadakis 2020, Lemma 11: p̂_d(r), the probability that one ReLU neuron with N(0, σ²) weights and
    /// bias of one variance is dead on the whole ball of radius <paramref name="radius"/> in ℝ^<paramref name="inputDim"/>
    /// (<see cref="BornDeadProbability.Value"/>). 1/4 for d = 1, r = 1.
    /// </summary>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="radius">Radius of the input ball, finite and &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputDim"/> &lt; 1 or <paramref name="radius"/> not finite and positive.</exception>
    public static double NeuronBornDeadProbability(int inputDim = 1, double radius = 1)
    {
        BornDeadProbability.RequireRadius(radius, nameof(radius));
        return BornDeadProbability.Value(inputDim, radius);
    }

    /// <summary>
    /// Shin &amp; Karniadakis 2020, Theorem 3: the trainability P(at least <paramref name="required"/> of the
    /// <paramref name="width"/> neurons of a one-hidden-layer network are active on the ball at initialisation), for a
    /// first layer drawn by <paramref name="firstLayer"/> (<see cref="Theory.ShallowTrainability.Trainability"/>). 1 without
    /// a bias; (3/4)² = 0.5625 for width = required = 2, d = 1, r = 1 with a bias.
    /// </summary>
    /// <param name="width">Hidden neurons n, ≥ <paramref name="required"/>.</param>
    /// <param name="required">Active neurons m the task needs, ≥ 1.</param>
    /// <param name="inputDim">Input dimension d, ≥ 1.</param>
    /// <param name="radius">Radius of the input ball, finite and &gt; 0.</param>
    /// <param name="firstLayer">How the hidden layer is initialised (normal with bias by default, the paper's He case).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, e.g. <paramref name="required"/> &gt; <paramref name="width"/>.</exception>
    public static double ShallowTrainability(int width, int required, int inputDim = 1, double radius = 1,
        LayerScheme firstLayer = LayerScheme.NormalWithBias)
    {
        BornDeadProbability.RequireRadius(radius, nameof(radius));
        return Theory.ShallowTrainability.Trainability(firstLayer, width, required, inputDim, radius);
    }

    /// <summary>
    /// Shin &amp; Karniadakis 2020, Corollary 9: an upper bound on the trainability of a bias-free, He-normal network of
    /// <paramref name="depth"/> hidden layers of <paramref name="width"/> neurons, input dimension 1; it equals
    /// 1 − <see cref="BornDeadLowerBound"/> (<see cref="DeepTrainability.UpperBound"/>).
    /// </summary>
    /// <param name="width">Neurons per hidden layer, ≥ 1.</param>
    /// <param name="depth">Hidden ReLU layers, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="depth"/> &lt; 1.</exception>
    public static double DeepTrainabilityUpperBound(int width, int depth)
    {
        RequireDepth(depth);
        return DeepTrainability.UpperBound(width, depth);
    }

    // The Theory classes name the depth "layers" or "hiddenLayers"; check it first so the exception names this facade's parameter.
    private static void RequireDepth(int depth) => Theory.ShallowTrainability.RequirePositive(depth, nameof(depth));
}
