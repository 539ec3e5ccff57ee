using System.Globalization;
using ReluKernels.Experiments;
using Spectre.Console;

namespace ReluKernels.Cli.Trainability;

/// <summary>The human-readable trainability table: Theorem 3 and Lemma 13 beside the simulated first layers.</summary>
public static class TrainabilityTableView
{
    /// <summary>Builds the table; cells are plain text, never markup.</summary>
    public static Table Build(IReadOnlyList<TrainabilityWidthReport> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "width", "p̂ (Lemma 11)", "simulated p̂", "trainability (Thm 3)", "simulated", "95% CI", "mean active", "≥ (Thm 3)", "simulated", "95% CI", "agree" })
            table.AddColumn(new TableColumn(column).RightAligned());
        foreach (var x in rows)
            table.AddRow(new Text(I(x.Width)), new Text(F(x.PHat)), new Text(F(x.SimulatedPHat)), new Text(F(x.Trainability)),
                new Text(F(x.SimulatedTrainability)), new Text($"[{F(x.TrainabilityCiLow)}, {F(x.TrainabilityCiHigh)}]"),
                new Text(G(x.MeanActive)), new Text(G(x.MeanActiveLowerBound)), new Text(G(x.SimulatedMeanActive)),
                new Text($"[{G(x.MeanActiveCiLow)}, {G(x.MeanActiveCiHigh)}]"),
                x.Agrees ? new Text("✓", new Style(Color.Green)) : new Text("✗", new Style(Color.Red)));
        var first = rows.Count > 0 ? rows[0] : null;
        if (first is not null)
            table.Caption(Markup.Escape($"Shallow networks, [W, b] ~ N(0, 2/(d + 1)) (He with bias), d = {first.InputDim}, Ω = B_r(0) with r = "
                + $"{first.Radius.ToString(CultureInfo.InvariantCulture)}, m = {first.Required} active neurons required, {first.Trials} networks per width. "
                + "Dead = b + r‖w‖ ≤ 0 (exact). ✓ = simulated trainability and p̂ agree with theory (two-sided binomial tests, α = 1e-6)."));
        return table;
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
