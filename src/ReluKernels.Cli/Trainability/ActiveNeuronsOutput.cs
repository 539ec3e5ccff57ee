using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo.Trainability;
using ReluKernels.Theory;

namespace ReluKernels.Cli.Trainability;

/// <summary>
/// Turns finished <c>active-neurons</c> tallies into reports and writes active-neurons.csv/.json/.png/.svg/.pdf (and
/// active-neurons-trainability.csv when requirements are given) and standard output (a run and a merge alike).
/// </summary>
public static class ActiveNeuronsOutput
{
    /// <summary>Writes the reports of <paramref name="tallies"/> (one per scheme of <paramref name="config"/>); <paramref name="inputs"/> are merged shards.</summary>
    public static void Write(ActiveNeuronsRunConfig config, IReadOnlyList<ActiveNeuronTally> tallies, string outDirectory, OutputFormat format, FigureFiles? figures,
        IReadOnlyList<ProvenanceInput>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tallies);
        var (architecture, schemes, radius) = (config.Architecture, config.Schemes, config.Radius);
        var experiments = config.Experiments();
        var bins = schemes.SelectMany((s, i) => ActiveNeuronReport.Bins(s, experiments[i], tallies[i])).ToList();
        var checks = config.Required is null ? [] : schemes.Select((s, i) => TrainabilityCheckReport.From(s, experiments[i], tallies[i])).ToList();
        string stem = Path.Combine(outDirectory, "active-neurons");
        if (checks.Count > 0)
            AtomicFile.WriteText(stem + "-trainability.csv", ActiveNeuronsTableView.TrainabilityCsv(checks));
        ExperimentFiles.Write(stem, Json.Serialize(new { architecture, radius, bins, trainability = checks }), ActiveNeuronsTableView.BinsCsv(bins),
            figures is null ? null : s => ActiveNeuronsPlot.Save(bins, figures, s), () => ActiveNeuronsTableView.Build(bins, checks), format,
            Note(schemes, checks.Count > 0 ? $"Trainability table also in {stem}-trainability.csv" : null), inputs);
    }

    /// <summary>The lines under the table: the σ caveat whenever a scheme uses "normal-bias", then <paramref name="files"/>.</summary>
    private static string? Note(LayerSchemeSequence[] schemes, string? files)
    {
        // A layer's σ scales what every later layer with a bias weighs against that bias; Shin & Karniadakis (2020) give no σ.
        string? sigma = schemes.Any(s => s.Schemes.Contains(LayerScheme.NormalWithBias))
            ? "normal-bias: [W, b] ~ N(0, 2/(fan_in + 1)) (He with bias). Shin & Karniadakis (2020) give no σ; it leaves a layer's own π_t "
              + "unchanged but not that of later layers with a bias." + Environment.NewLine + "normal-bias-unit: [W, b] ~ N(0, 1)."
            : null;
        return sigma is null ? files : files is null ? sigma : sigma + Environment.NewLine + files;
    }
}
