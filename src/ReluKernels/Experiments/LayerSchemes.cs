using ReluKernels.Theory;

namespace ReluKernels.Experiments;

/// <summary>
/// Shin &amp; Karniadakis's per-layer initialisations (<see cref="LayerScheme"/>, its eqs. 2 and 3) as the simulation draws them, their
/// command-line names, and which of the paper's results cover a given pair of first layers.
/// </summary>
public static partial class LayerSchemes
{
    /// <summary>The command-line names, in <see cref="LayerScheme"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["normal-nobias", "normal-bias", "sphere-nobias", "sphere-bias", "normal-bias-unit"];

    /// <summary>
    /// The initializer that draws a layer under <paramref name="scheme"/>. "Normal" is He scaled; with bias, W and b share the
    /// variance 2/(fan_in + 1). "normal-bias-unit" draws W and b from N(0, 1) instead: Shin &amp; Karniadakis (2020) gives no σ, and π_t of every
    /// later layer with a bias depends on it (π₃ of sphere-nobias+normal-bias, for instance).
    /// </summary>
    public static LayerInitializer Initializer(LayerScheme scheme) => scheme switch
    {
        LayerScheme.NormalWithoutBias => NormalInitializer.HeWithoutBias,
        LayerScheme.NormalWithBias => NormalInitializer.HeWithBias,
        LayerScheme.HypersphereWithoutBias => HypersphereInitializer.WithoutBias,
        LayerScheme.HypersphereWithBias => HypersphereInitializer.WithBias,
        LayerScheme.NormalWithUnitBias => UnitNormalInitializer.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown layer scheme."),
    };

    /// <summary>The command-line name of <paramref name="scheme"/>.</summary>
    public static string Name(LayerScheme scheme) => Names[(int)scheme];

    /// <summary>Parses a command-line name (case-insensitive).</summary>
    /// <exception cref="FormatException">Not one of <see cref="Names"/>.</exception>
    public static LayerScheme Parse(string name)
    {
        for (int i = 0; i < Names.Count; i++)
            if (string.Equals(Names[i], name.Trim(), StringComparison.OrdinalIgnoreCase))
                return (LayerScheme)i;
        throw new FormatException($"'{name}' is not a layer scheme; use one of {string.Join(", ", Names)}.");
    }

    /// <summary>Whether the layer has random biases.</summary>
    public static bool HasBias(LayerScheme scheme) => scheme is LayerScheme.NormalWithBias or LayerScheme.NormalWithUnitBias or LayerScheme.HypersphereWithBias;

    /// <summary>
    /// The case of Shin &amp; Karniadakis 2020, Lemma 14 / Theorem 8 that covers layers 1 and 2, or null. Layer 1 must be "unit hypersphere"
    /// (with bias only for width 1). Layer 2 may be normal or hypersphere: the deadness of a layer-2 neuron depends only on
    /// the direction of its row [W, b], which is uniform under both (with equal weight and bias variances).
    /// </summary>
    public static FirstTwoLayersScheme? FirstTwoLayersCase(LayerScheme first, LayerScheme second, int firstWidth) => first switch
    {
        LayerScheme.HypersphereWithoutBias => HasBias(second) ? FirstTwoLayersScheme.NoBiasThenBias : FirstTwoLayersScheme.NoBiasThenNoBias,
        LayerScheme.HypersphereWithBias when firstWidth == 1 =>
            HasBias(second) ? FirstTwoLayersScheme.BiasThenBias : FirstTwoLayersScheme.BiasThenNoBias,
        _ => null,
    };
}
