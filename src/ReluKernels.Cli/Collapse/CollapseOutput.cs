using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Collapse;

/// <summary>Turns finished runs into the collapse reports, writes the files under <c>--out</c> and prints standard output.</summary>
public static class CollapseOutput
{
    /// <summary>One report per (run, requested depth), in width then depth order.</summary>
    public static IReadOnlyList<CollapseCellReport> Reports(IEnumerable<CollapseRun> runs, IReadOnlyList<int> depths) =>
        [.. runs.SelectMany(run => depths.Order().Select(d => CollapseCellReport.From(run, d)))];

    /// <summary>
    /// Writes collapse.csv, collapse.json (both streamed), (unless <paramref name="figures"/> is null) collapse.png/.svg/.pdf and
    /// collapse.provenance.json (listing <paramref name="inputs"/>, the shards of a merge), then stdout.
    /// </summary>
    public static void Write(IReadOnlyList<CollapseCellReport> cells, string outDirectory, OutputFormat format, FigureFiles? figures,
        IReadOnlyList<ProvenanceInput>? inputs = null) =>
        ExperimentFiles.Write(Path.Combine(outDirectory, "collapse"), stream => Json.WriteArray(stream, cells), writer => CollapseCsv.Write(writer, cells),
            figures is null ? null : stem => CollapsePlot.Save(cells, figures, stem), () => CollapseTableView.Build(cells), format, inputs: inputs);
}
