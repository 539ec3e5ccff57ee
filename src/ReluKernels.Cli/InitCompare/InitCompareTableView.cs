using System.Globalization;
using ReluKernels.Experiments;
using Spectre.Console;
using ReluKernels.Experiments.Training;

namespace ReluKernels.Cli.InitCompare;

/// <summary>The human-readable output of <c>init-compare</c>: RMSE early and at the end, and dead neurons, per task and initialisation.</summary>
public static class InitCompareTableView
{
    /// <summary>Builds the table; cells are plain text, never markup.</summary>
    public static Table Build(IReadOnlyList<InitComparisonReport> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "task", "initialisation", "runs", "RMSE at 1% of epochs", "at 10%", "final RMSE (mean ± sd)",
                     "dead at init", "dead after training", "fastest", "lowest" })
            table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        foreach (var group in rows.GroupBy(x => x.Task))
        {
            var fastest = Best(group, x => x.MeanRmseAt(x.Epochs / 10));
            var lowest = Best(group, x => x.FinalRmseMean);
            foreach (var x in group)
                table.AddRow(new Text(x.Task), new Text(x.Initializer), new Text(I(x.Runs)), new Text(G(x.MeanRmseAt(x.Epochs / 100))),
                    new Text(G(x.MeanRmseAt(x.Epochs / 10))), new Text(x.FinalRmseMean is { } m ? $"{G(m)} ± {G(x.FinalRmseSd)}" : "–"),
                    new Text(D(x.MeanDeadAtInit)), new Text((x.MeanDeadAfterTraining is { } d ? D(d) : "–") + (x.DeadNeuronsExact ? "" : " (est.)")),
                    new Text(ReferenceEquals(x, fastest) ? "✓" : ""), new Text(ReferenceEquals(x, lowest) ? "✓" : ""));
        }
        if (rows.Count > 0)
            table.Caption(Markup.Escape(string.Join(" ", rows.GroupBy(x => x.Task).Select(g =>
                $"{g.Key} ({g.First().Figure}): {g.First().Architecture}, {g.First().Optimizer}, full batch, {g.First().Epochs} epochs; dead neurons: {g.First().DeadNeuronMethod}."))
                + " RMSE on the training set, mean over runs (sd: sample standard deviation). fastest: lowest mean RMSE at 10% of the epochs; lowest: lowest final mean RMSE."));
        return table;
    }

    /// <summary>The line under the table: which initialisation converged fastest per task, against Shin &amp; Karniadakis's claim.</summary>
    public static string Note(IReadOnlyList<InitComparisonReport> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var parts = rows.GroupBy(x => x.Task).Select(g =>
            $"{g.Key}: fastest {Best(g, x => x.MeanRmseAt(x.Epochs / 10))?.Initializer ?? "–"}, lowest {Best(g, x => x.FinalRmseMean)?.Initializer ?? "–"}");
        return "Shin & Karniadakis (2020): the data-dependent initialisation converges fastest and reaches the smallest training error. Here: " + string.Join("; ", parts) + ".";
    }

    private static InitComparisonReport? Best(IEnumerable<InitComparisonReport> group, Func<InitComparisonReport, double?> value) =>
        group.Where(x => value(x) is not null).MinBy(x => value(x)!.Value);

    private static string G(double? value) => value is { } v ? v.ToString("0.###e0", CultureInfo.InvariantCulture) : "–";

    private static string D(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
