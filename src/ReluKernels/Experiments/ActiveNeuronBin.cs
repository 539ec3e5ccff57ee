namespace ReluKernels.Experiments;

/// <summary>
/// One bin of an active-neuron distribution π_t (Shin &amp; Karniadakis 2020, Appendix E, Fig. 7): how often hidden layer
/// <see cref="Layer"/> had exactly <see cref="Active"/> active neurons, with the closed form where the paper gives one.
/// Property names are the JSON field names (camelCase).
/// </summary>
public sealed record ActiveNeuronBin
{
    /// <summary>The initialisation, per layer, e.g. "sphere-nobias+normal-bias".</summary>
    public required string Scheme { get; init; }
    /// <summary>Hidden layer t (1-based).</summary>
    public required int Layer { get; init; }
    /// <summary>Number of active neurons k.</summary>
    public required int Active { get; init; }
    /// <summary>Networks drawn.</summary>
    public required long Trials { get; init; }
    /// <summary>Networks with exactly k active neurons in layer t.</summary>
    public required long Count { get; init; }
    /// <summary>Count / trials.</summary>
    public required double Probability { get; init; }
    /// <summary>Wilson 95% lower end.</summary>
    public required double CiLow { get; init; }
    /// <summary>Wilson 95% upper end.</summary>
    public required double CiHigh { get; init; }
    /// <summary>The exact probability, where a result of the paper covers this layer and scheme; else null.</summary>
    public double? Theory { get; init; }
    /// <summary>Which result gave <see cref="Theory"/>, e.g. "Lemma 13" or "Lemma 14 (b)".</summary>
    public string? TheorySource { get; init; }
    /// <summary>
    /// Whether the count agrees with <see cref="Theory"/>: two-sided binomial test at α = 1e-6 divided by the number of bins
    /// of the layer (Bonferroni); null without theory.
    /// </summary>
    public bool? Agrees { get; init; }
}
