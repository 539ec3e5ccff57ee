using System.Collections.ObjectModel;

namespace ReluKernels.MonteCarlo.Trainability;

/// <summary>
/// A network with 1-D input on Ω = [−r, r] and hidden layers of widths n₁..n_T (Shin &amp; Karniadakis's architecture
/// n = (1, n₁, …, n_T, …)), each layer drawn by its own initializer; the question is how many neurons of each layer are
/// active, permanently dead or tentatively dead at initialisation (Shin &amp; Karniadakis 2020, §3.2 and Appendix E), and whether the
/// network is trainable for required active counts m₁..m_T.
/// </summary>
/// <remarks>
/// <para>Detection is exact (piecewise-linear propagation, docs/definitions.md#exactness-of-detection). A neuron is active when it is not constant on Ω.
/// In layer 1 every dead neuron counts as permanently dead (it can never be revived, Shin &amp; Karniadakis 2020, Lemma 1); in a layer t &gt; 1
/// a dead neuron is permanently dead when its incoming weights and its bias are all ≤ 0.</para>
/// <para><b>Trainable</b> (Shin &amp; Karniadakis 2020, Definition 7, in the form its Lemma 16 and Theorem 8 evaluate): at least m₁ active
/// neurons in layer 1, and in every layer t &gt; 1 at least one active neuron and at most n_t − m_t permanently dead ones.
/// The "at least one active" condition is §3.2's first necessary condition for reviving tentatively dead neurons. For one
/// hidden layer this is Definition 2. The output layer is not part of the experiment.</para>
/// </remarks>
public sealed record ActiveNeuronExperiment
{
    /// <summary>Creates and validates an experiment.</summary>
    /// <param name="hiddenWidths">n₁..n_T, each in 1..<see cref="ShapeLimits.MaxWidth"/>; 1 ≤ T ≤ <see cref="ShapeLimits.MaxDepth"/>.</param>
    /// <param name="initializers">One per hidden layer (e.g. <see cref="HypersphereInitializer.WithoutBias"/>); layer t has fan-in n_{t−1} (n₀ = 1) and a bias slot that bias-free initializers set to 0.</param>
    /// <param name="radius">r &gt; 0, finite.</param>
    /// <param name="required">m₁..m_T with 1 ≤ m_t ≤ n_t, or null when trainability is not asked for.</param>
    /// <exception cref="ArgumentException">Mismatched lengths, a width or requirement out of range, or a bad radius.</exception>
    public ActiveNeuronExperiment(IReadOnlyList<int> hiddenWidths, IReadOnlyList<LayerInitializer> initializers, double radius = 1,
        IReadOnlyList<int>? required = null)
    {
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        ArgumentNullException.ThrowIfNull(initializers);
        if (hiddenWidths.Count < 1 || hiddenWidths.Count > ShapeLimits.MaxDepth)
            throw new ArgumentException($"An architecture needs 1..{ShapeLimits.MaxDepth} hidden layers, got {hiddenWidths.Count}.", nameof(hiddenWidths));
        for (int t = 0; t < hiddenWidths.Count; t++)
            if (hiddenWidths[t] < 1 || hiddenWidths[t] > ShapeLimits.MaxWidth)
                throw new ArgumentException($"Hidden layer {t + 1} has width {hiddenWidths[t]}; widths must be in 1..{ShapeLimits.MaxWidth}.", nameof(hiddenWidths));
        if (initializers.Count != hiddenWidths.Count)
            throw new ArgumentException($"Expected one initializer per hidden layer ({hiddenWidths.Count}), got {initializers.Count}.", nameof(initializers));
        for (int t = 0; t < initializers.Count; t++)
            ArgumentNullException.ThrowIfNull(initializers[t], $"{nameof(initializers)}[{t}]");
        if (!(radius > 0) || double.IsPositiveInfinity(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius r of Ω = [-r, r] must be positive and finite.");
        if (required is not null)
        {
            if (required.Count != hiddenWidths.Count)
                throw new ArgumentException($"Expected one required active count per hidden layer ({hiddenWidths.Count}), got {required.Count}.", nameof(required));
            for (int t = 0; t < required.Count; t++)
                if (required[t] < 1 || required[t] > hiddenWidths[t])
                    throw new ArgumentException(
                        $"Layer {t + 1} requires {required[t]} active neurons but has width {hiddenWidths[t]}; need 1 ≤ m ≤ n.", nameof(required));
        }
        HiddenWidths = hiddenWidths.ToArray().AsReadOnly();
        Initializers = initializers.ToArray().AsReadOnly();
        Radius = radius;
        Required = required?.ToArray().AsReadOnly();
    }

    /// <summary>n₁..n_T.</summary>
    public ReadOnlyCollection<int> HiddenWidths { get; }

    /// <summary>One initializer per hidden layer.</summary>
    public ReadOnlyCollection<LayerInitializer> Initializers { get; }

    /// <summary>r of Ω = [−r, r].</summary>
    public double Radius { get; }

    /// <summary>m₁..m_T, or null.</summary>
    public ReadOnlyCollection<int>? Required { get; }

    /// <summary>Hidden layers T.</summary>
    public int Depth => HiddenWidths.Count;

    /// <summary>Layer <paramref name="layer"/> (1-based) as its initializer sees it.</summary>
    public LayerShape Shape(int layer) => new(layer, layer == 1 ? 1 : HiddenWidths[layer - 2], HiddenWidths[layer - 1], HasBias: true);
}
