using System.Globalization;
using ReluKernels.Experiments.Compositional;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReluKernels.Cli.Compositional;

/// <summary>The human-readable output of <c>compositional</c>, in the layout of Milkert, Hyde &amp; Laine (2023), Tables 1–2: one row per method, min and mean MSE per target.</summary>
public static class CompositionalTableView
{
    private static readonly string[] MethodNames =
    [
        "Default network (PyTorch)",
        "No pretraining",
        "Differentiability not enforced",
        "Differentiability enforced",
    ];

    /// <summary>The table; cells are plain text, never markup.</summary>
    public static IRenderable Build(CompositionalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var targets = result.Setup.Targets;
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("network");
        foreach (var t in targets)
            table.AddColumn(new TableColumn($"min {t.Name}").RightAligned());
        foreach (var t in targets)
            table.AddColumn(new TableColumn($"mean {t.Name}").RightAligned());
        table.AddColumn(new TableColumn("one region at start").RightAligned());
        foreach (var method in Enum.GetValues<CompositionalMethod>())
        {
            var rows = result.Rows.Where(r => r.Method == method).ToArray();
            table.AddRow([new Text(MethodNames[(int)method]), .. rows.Select(r => new Text(E(r.MinMse))), .. rows.Select(r => new Text(E(r.MeanMse))),
                new Text($"{rows.Sum(r => r.OneRegionAtStart)} / {rows.Sum(r => r.Models)}")]);
        }
        var s = result.Setup;
        table.Caption(Markup.Escape($"MSE on {s.Points} evenly spaced points of [0, 1], {s.Architecture}, {s.Models} models per cell, full-batch Adam for {s.Epochs} epochs "
            + $"(stage one {s.PretrainingEpochs} at lr {s.PretrainingLearningRate}, raw weights at lr {s.LearningRate}), seed {s.Seed}. Kernel: {result.Kernel}."));
        return table;
    }

    /// <summary>The line under the table: the default networks that collapsed, beside the paper's "around half".</summary>
    public static string Note(CompositionalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var defaults = result.Rows.Where(r => r.Method == CompositionalMethod.PyTorchDefault).ToArray();
        int models = defaults.Sum(r => r.Models);
        return $"Default networks with one linear region on [0, 1] (collapsed to a line or a constant): {defaults.Sum(r => r.OneRegionAtStart)} of {models} at the start, "
            + $"{defaults.Sum(r => r.OneRegionAfterTraining)} after training (Milkert et al. 2023: \"around half of the default networks collapse\").";
    }

    private static string E(double? value) => value is { } v ? v.ToString("0.00e+0", CultureInfo.InvariantCulture) : "diverged";
}
