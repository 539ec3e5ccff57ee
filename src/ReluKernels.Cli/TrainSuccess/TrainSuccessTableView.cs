using System.Globalization;
using ReluKernels.Experiments;
using ReluKernels.Statistics;
using Spectre.Console;
using ReluKernels.Experiments.Training;

namespace ReluKernels.Cli.TrainSuccess;

/// <summary>The human-readable output of <c>train-success</c>: success rate beside Theorem 3's trainability per target and width.</summary>
public static class TrainSuccessTableView
{
    /// <summary>Builds the table; cells are plain text, never markup.</summary>
    public static Table Build(IReadOnlyList<TrainingSuccessReport> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "target", "width", "m", "success", "rate [95% CI]", "trainability (Thm 3)", "p (≤ bound)", "≤ bound",
                     "trainable at init [95% CI]", "= Thm 3", "collapsed / partial / failed / diverged", "median test MSE", "alive: init → trained" })
            table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        foreach (var x in rows)
            table.AddRow(new Text(x.Target), new Text(I(x.Width)), new Text(I(x.Required)), new Text($"{I(x.Successful)} / {I(x.Runs)}"),
                new Text(P(x.SuccessRate)), new Text(F(x.Trainability)), new Text(x.BoundPValue.ToString("0.###", CultureInfo.InvariantCulture)),
                Mark(x.RespectsBound), new Text(P(x.SimulatedTrainability)), Mark(x.InitAgreesWithTheorem3),
                new Text($"{I(x.Collapsed)} / {I(x.PartiallyCollapsed)} / {I(x.Failed)} / {I(x.Diverged)}"),
                new Text(x.MedianTestError is { } e ? e.ToString("0.###e0", CultureInfo.InvariantCulture) : "–"),
                new Text($"{G(x.MeanActiveAtInit)} → {(x.MeanActiveAfterTraining is { } a ? G(a) : "–")}"));
        if (rows.Count > 0)
        {
            var first = rows[0];
            table.Caption(Markup.Escape(
                $"Shallow 1→[n]→1 ReLU networks, {TrainingSuccessExperiment.InitializerDescription}, on Ω = [−√3, √3] (p̂ = {F(first.PHat)}); "
                + $"{first.Optimizer}, batch {first.BatchSize}, {first.Epochs} epochs, MSE; success = test MSE < {G(first.SuccessThreshold)}. "
                + "≤ bound: ✓ when the successes do not significantly exceed the trainability (one-sided binomial test, α = 1e-6). "
                + "Trainable at init: networks with ≥ m neurons alive on Ω (exact); = Thm 3: two-sided test at α = 1e-6. "
                + $"{rows.Count(x => x.Kernel.StartsWith("generated", StringComparison.Ordinal))} of {rows.Count} widths ran on generated kernels, the others on the generic one."));
        }
        return table;
    }

    /// <summary>The line under the table: the bound's verdict and the runs that succeeded without being trainable.</summary>
    public static string Note(IReadOnlyList<TrainingSuccessReport> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int violations = rows.Count(x => !x.RespectsBound);
        int untrainable = rows.Sum(x => x.SuccessfulButUntrainable);
        return (violations == 0
                ? "Success ≤ trainability holds at every width (Shin & Karniadakis 2020, §5.1: \"the trainability provides an upper bound\")."
                : $"Success exceeds Theorem 3's trainability significantly at {violations} width(s).")
            + $" Successful runs that started with fewer than m live neurons: {untrainable}.";
    }

    private static Text Mark(bool ok) => ok ? new Text("✓", new Style(Color.Green)) : new Text("✗", new Style(Color.Red));

    private static string P(WilsonInterval x) => $"{F(x.Estimate)} [{F(x.Low)}, {F(x.High)}]";

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
