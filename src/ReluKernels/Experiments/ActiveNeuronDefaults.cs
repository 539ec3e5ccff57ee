namespace ReluKernels.Experiments;

/// <summary>
/// The setting of the active-neuron experiment (the CLI's <c>active-neurons</c>) when none is given: Shin &amp; Karniadakis
/// 2020, Fig. 7 — the network n = (1, 6, 4, 2) on [−1, 1] under the three schemes of <see cref="LayerSchemeSequence.Figure7"/>.
/// The architecture, domain and schemes are the paper's; the trial count is ours.
/// </summary>
public static class ActiveNeuronDefaults
{
    /// <summary>n = (n₀, n₁, …): input dimension 1, then hidden widths 6, 4, 2 (Shin &amp; Karniadakis 2020, Fig. 7).</summary>
    public static IReadOnlyList<int> Architecture { get; } = [1, 6, 4, 2];

    /// <summary>Radius r of the input domain [−r, r].</summary>
    public const double Radius = 1;

    /// <summary>Networks per scheme (ours).</summary>
    public const long Trials = 1_000_000;

    /// <summary>Networks per Monte-Carlo block (ours), as <see cref="TrainabilityDefaults.BlockSize"/>.</summary>
    public const int BlockSize = TrainabilityDefaults.BlockSize;
}
