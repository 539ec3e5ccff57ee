using System.Globalization;
using ReluKernels.Experiments;
using ReluKernels.LengthMap;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReluKernels.Cli.LengthMap;

/// <summary>The human-readable length map: one table per activation, per layer the recursion beside the simulated mean and 95% interval of each initialiser.</summary>
public static class LengthMapTableView
{
    /// <summary>Builds the tables; cells are plain text, never markup.</summary>
    public static IRenderable Build(LengthMapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tables = new List<IRenderable>();
        foreach (var group in report.Runs.GroupBy(r => r.Activation))
        {
            var runs = group.ToArray();
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(group.Key));
            table.AddColumn(new TableColumn("layer").RightAligned());
            foreach (var run in runs)
            {
                table.AddColumn(new TableColumn($"{run.Init}: recursion").RightAligned());
                table.AddColumn(new TableColumn(Markup.Escape($"{run.Init}: simulation [95%]")).RightAligned());
            }
            for (int l = 0; l < report.Depth; l++)
            {
                var cells = new List<string> { (l + 1).ToString(CultureInfo.InvariantCulture) };
                foreach (var run in runs)
                {
                    var layer = run.Layers[l];
                    cells.Add(Number(layer.Recursion));
                    cells.Add(layer.Simulated is { } s ? $"{Number(s.Mean)} [{Number(s.Low)}, {Number(s.High)}]" : "–");
                }
                table.AddRow(cells.Select(c => new Text(c)));
            }
            table.Caption(Markup.Escape(Caption(report, runs)));
            tables.Add(table);
        }
        return new Rows(tables);
    }

    private static string Caption(LengthMapReport report, LengthMapRun[] runs) =>
        FormattableString.Invariant($"q^l = (1/N) Σ (h_i^l)², q⁰ = 1; width {report.Width}, σ_b = {report.BiasStd}, {report.Trials} networks per column. ")
        + (runs[0].RecursionExact ? "Recursion exact at every width. " : "Recursion is the infinite-width approximation. ")
        + "Fixed point of the hidden-layer map: " + string.Join(", ", runs.Select(r => $"{r.Init} {(r.FixedPoint is { } q ? Number(q) : "none (grows or unsettled)")}"))
        + ". (Lu, Su & Karniadakis 2019, §3.)";

    // Six significant digits, and never "-0".
    private static string Number(double v) => (v == 0 ? 0 : v).ToString("G6", CultureInfo.InvariantCulture);
}
