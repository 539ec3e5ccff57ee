using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using Spectre.Console;

namespace ReluKernels.Cli.Collapse;

/// <summary>Turns finished runs into the collapse reports, writes the files under <c>--out</c> and prints standard output.</summary>
public static class CollapseOutput
{
    /// <summary>One report per (run, requested depth), in width then depth order.</summary>
    public static IReadOnlyList<CollapseCellReport> Reports(IEnumerable<CollapseRun> runs, IReadOnlyList<int> depths) =>
        [.. runs.SelectMany(run => depths.Order().Select(d => CollapseCellReport.From(run, d)))];

    /// <summary>Writes collapse.csv, collapse.json and (unless <paramref name="noPlot"/>) collapse.png/.svg, then stdout.</summary>
    public static void Write(IReadOnlyList<CollapseCellReport> cells, string outDirectory, OutputFormat format, bool noPlot, string? note)
    {
        string json = Json.Serialize(cells), csv = CollapseCsv.Build(cells);
        string stem = Path.Combine(outDirectory, "collapse");
        AtomicFile.WriteText(stem + ".csv", csv);
        AtomicFile.WriteText(stem + ".json", json);
        var files = new List<string> { stem + ".csv", stem + ".json" };
        if (!noPlot)
            files.AddRange(CollapsePlot.Save(cells, stem));
        switch (format)
        {
            case OutputFormat.Json:
                Console.Out.WriteLine(json);
                break;
            case OutputFormat.Csv:
                Console.Out.Write(csv);
                break;
            default:
                var console = StandardOutput.Create();
                console.Write(CollapseTableView.Build(cells));
                if (note is not null)
                    console.WriteLine(note);
                console.WriteLine($"Wrote {string.Join(", ", files)}");
                break;
        }
    }
}
