using System.Collections.ObjectModel;
using ReluKernels.Theory;

namespace ReluKernels.Experiments;

/// <summary>
/// Per-layer initialisation schemes of a network, written like <c>sphere-nobias+normal-bias</c>: layer t uses entry
/// min(t, count) — the last entry repeats for the remaining layers, so a single name covers every layer.
/// </summary>
public sealed record LayerSchemeSequence
{
    private LayerSchemeSequence(LayerScheme[] schemes) => Schemes = schemes.AsReadOnly();

    /// <summary>The listed schemes (the last one repeats).</summary>
    public ReadOnlyCollection<LayerScheme> Schemes { get; }

    /// <summary>Shin &amp; Karniadakis 2020, Fig. 7 (its caption's order): unit hypersphere with bias in all layers; without bias in all layers; without bias in layer 1 and normal with bias elsewhere.</summary>
    public static IReadOnlyList<LayerSchemeSequence> Figure7 { get; } =
    [
        new([LayerScheme.HypersphereWithBias]),
        new([LayerScheme.HypersphereWithoutBias]),
        new([LayerScheme.HypersphereWithoutBias, LayerScheme.NormalWithBias]),
    ];

    /// <summary>The scheme of hidden layer <paramref name="layer"/> (1-based).</summary>
    public LayerScheme For(int layer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layer, 1);
        return Schemes[Math.Min(layer, Schemes.Count) - 1];
    }

    /// <summary>The schemes of layers 1..<paramref name="depth"/>.</summary>
    public LayerScheme[] Expand(int depth) => [.. Enumerable.Range(1, depth).Select(For)];

    /// <summary>Parses <c>name[+name…]</c> with names from <see cref="LayerSchemes.Names"/>.</summary>
    /// <exception cref="FormatException">An empty or unknown name.</exception>
    public static LayerSchemeSequence Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('+');
        if (parts.Any(string.IsNullOrWhiteSpace))
            throw new FormatException($"'{text}' has an empty layer scheme; write e.g. sphere-nobias+normal-bias.");
        return new([.. parts.Select(LayerSchemes.Parse)]);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("+", Schemes.Select(LayerSchemes.Name));
}
