using System.Globalization;
using ReluKernels.Experiments;
using Spectre.Console;

namespace ReluKernels.Cli.Collapse;

/// <summary>The human-readable collapse table: simulation with its 95% interval beside every applicable closed form.</summary>
public static class CollapseTableView
{
    /// <summary>Builds the table; cells are plain text, never markup.</summary>
    public static Table Build(IReadOnlyList<CollapseCellReport> cells)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "width", "depth", "trials", "collapsed", "estimate", "95% CI", "Thm 8", "Thm 10", "refined bounds", "P(0 at x)", "theory at x", "agree" })
            table.AddColumn(new TableColumn(column).RightAligned());
        foreach (var c in cells)
        {
            string atProbe = !c.Symmetric ? NoClosedForm : c.Theorem9 is { } t9 ? $"{F(t9)} (Thm 9)" : $"{F(c.Theorem8)} (Thm 8)";
            table.AddRow(
                new Text(I(c.Width)), new Text(I(c.Depth)), new Text(I(c.Trials)), new Text(I(c.Collapsed)),
                new Text(F(c.Estimate)), new Text($"[{F(c.CiLow)}, {F(c.CiHigh)}]"),
                new Text(!c.Symmetric ? NoClosedForm : c.Theorem9 is null ? F(c.Theorem8) : "n/a"),
                new Text(c.Theorem10 is { } t10 ? F(t10) : "—"),
                new Text(c.RefinedLower is { } lo ? $"[{F(lo)}, {F(c.RefinedUpper!.Value)}]" : c.RefinedUpper is { } up ? $"≤ {F(up)}" : "—"),
                new Text($"{F(c.ZeroEstimate)} @{c.Probe.ToString(CultureInfo.InvariantCulture)}"),
                new Text(atProbe),
                !c.Symmetric ? new Text("—") : c.Agrees ? new Text("✓", new Style(Color.Green)) : new Text("✗ " + string.Join(", ", c.Disagreements), new Style(Color.Red)));
        }
        var first = cells.Count > 0 ? cells[0] : null;
        if (first is not null)
            table.Caption(Markup.Escape($"{first.Weights} weights, {first.Bias} biases, σ_b = {first.BiasStd.ToString(CultureInfo.InvariantCulture)}, Ω = [-{first.Radius.ToString(CultureInfo.InvariantCulture)}, {first.Radius.ToString(CultureInfo.InvariantCulture)}], engine {first.Engine} ({string.Join("; ", cells.Select(c => c.Code).Distinct())}), detection {first.Detection}. "
                + "✓ = every applicable check passes at α = 1e-6 (exact results two-sided, bounds one-sided)."
                + (first.Symmetric ? "" : " Asymmetric initialisation: Lu et al.'s theorems assume symmetric laws, so there is no closed form to check.")));
        return table;
    }

    private const string NoClosedForm = "no closed form";

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
