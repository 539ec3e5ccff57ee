using System.Globalization;
using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReluKernels.Cli.Trainability;

/// <summary>Tables and CSV of <c>active-neurons</c>: π_t bin by bin, and the trainability checks.</summary>
public static class ActiveNeuronsTableView
{
    /// <summary>The bins table, followed by the trainability table when there is one; cells are plain text.</summary>
    public static IRenderable Build(IReadOnlyList<ActiveNeuronBin> bins, IReadOnlyList<TrainabilityCheckReport> checks)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "scheme", "layer", "active", "networks", "simulated", "95% CI", "theory", "source", "agree" })
            table.AddColumn(new TableColumn(column).RightAligned());
        foreach (var b in bins)
            table.AddRow(new Text(b.Scheme), new Text(I(b.Layer)), new Text(I(b.Active)), new Text(I(b.Count)), new Text(F(b.Probability)),
                new Text($"[{F(b.CiLow)}, {F(b.CiHigh)}]"), new Text(b.Theory is { } t ? F(t) : "—"), new Text(b.TheorySource ?? ""),
                Marker(b.Agrees));
        var first = bins.Count > 0 ? bins[0] : null;
        if (first is not null)
            table.Caption(Markup.Escape($"{first.Trials} networks per scheme; active = not constant on Ω (exact, piecewise-linear propagation). "
                + "Theory: π₁ by Lemma 13, π₂ by Lemma 14 where it applies (case (b) with the corrected angle). "
                + "✓ = two-sided binomial test at α = 1e-6 / bins of the layer."));
        if (checks.Count == 0)
            return table;

        var train = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "scheme", "widths", "required", "trainable", "95% CI", "event A", "exact", "Thm 8 as printed", "Cor 9 ≥", "agree" })
            train.AddColumn(new TableColumn(column).RightAligned());
        foreach (var c in checks)
            train.AddRow(new Text(c.Scheme), new Text(string.Join(",", c.HiddenWidths)), new Text(string.Join(",", c.Required)), new Text(F(c.Estimate)),
                new Text($"[{F(c.CiLow)}, {F(c.CiHigh)}]"), new Text(F(c.AllRequiredActive)), new Text(c.Exact is { } e ? F(e) : "—"),
                new Text(c.PaperLowerBound is { } p ? F(p) + (c.RespectsPaperLowerBound == false ? " (violated)" : "") : "—"),
                new Text(c.Corollary9 is { } u ? F(u) : "—"),
                c.Checks.Length == 0 ? new Text("—") : Marker(c.Disagreements.Length == 0));
        train.Caption(Markup.Escape("Trainable: ≥ m₁ active in layer 1; in each later layer ≥ 1 active and ≤ n_t − m_t permanently dead. "
            + "Event A: ≥ m_t active in every layer. Exact: Theorem 3 (one layer) or Theorem 8's first equality with true permanent-death "
            + "probabilities (two layers). The printed Theorem 8 is not a bound in cases (a) and (c); see docs/theory/trainability.md."));
        return new Rows(table, train);
    }

    /// <summary>The bins as CSV.</summary>
    public static string BinsCsv(IEnumerable<ActiveNeuronBin> bins)
    {
        var csv = new Csv("scheme", "layer", "active", "trials", "count", "probability", "ciLow", "ciHigh", "theory", "theorySource", "agrees");
        foreach (var b in bins)
            csv.Row(b.Scheme, b.Layer, b.Active, b.Trials, b.Count, b.Probability, b.CiLow, b.CiHigh, b.Theory, b.TheorySource, b.Agrees);
        return csv.ToString();
    }

    /// <summary>The trainability checks as CSV.</summary>
    public static string TrainabilityCsv(IEnumerable<TrainabilityCheckReport> checks)
    {
        var csv = new Csv("scheme", "hiddenWidths", "required", "trials", "trainable", "estimate", "ciLow", "ciHigh", "allRequiredActive", "exact",
            "paperLowerBound", "respectsPaperLowerBound", "corollary9", "checks", "disagreements");
        foreach (var c in checks)
            csv.Row(c.Scheme, string.Join(" ", c.HiddenWidths), string.Join(" ", c.Required), c.Trials, c.Trainable, c.Estimate, c.CiLow, c.CiHigh,
                c.AllRequiredActive, c.Exact, c.PaperLowerBound, c.RespectsPaperLowerBound, c.Corollary9, string.Join("; ", c.Checks),
                string.Join("; ", c.Disagreements));
        return csv.ToString();
    }

    private static Text Marker(bool? agrees) => agrees switch
    {
        true => new Text("✓", new Style(Color.Green)),
        false => new Text("✗", new Style(Color.Red)),
        null => new Text("—"),
    };

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
