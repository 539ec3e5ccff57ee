using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReluKernels.Cli.Output;

/// <summary>
/// The output convention of every experiment command: <c>{stem}.csv</c> and <c>{stem}.json</c> always, the plot as
/// <c>{stem}.png</c>/<c>.svg</c> unless disabled, then <c>{stem}.provenance.json</c> saying how they were made and their
/// SHA-256 (<see cref="ProvenanceSidecar"/>), all written atomically; then standard output in the requested format —
/// the JSON or CSV text itself, or the table followed by an optional note and the list of files written.
/// </summary>
public static class ExperimentFiles
{
    /// <summary>Writes the files and standard output.</summary>
    /// <param name="stem">Path without extension, e.g. <c>results/collapse</c>.</param>
    /// <param name="json">The JSON text.</param>
    /// <param name="csv">The CSV text.</param>
    /// <param name="plot">Writes the plot files for a stem and returns their paths; null for no plot.</param>
    /// <param name="table">Builds the table for <see cref="OutputFormat.Table"/>.</param>
    /// <param name="format">What standard output carries.</param>
    /// <param name="note">A line printed under the table, if any.</param>
    /// <param name="inputs">Files the results were made from (merged shards), recorded in the provenance sidecar.</param>
    public static void Write(string stem, string json, string csv, Func<string, string[]>? plot, Func<IRenderable> table, OutputFormat format,
        string? note = null, IReadOnlyList<ProvenanceInput>? inputs = null)
    {
        AtomicFile.WriteText(stem + ".csv", csv);
        AtomicFile.WriteText(stem + ".json", json);
        var files = new List<string> { stem + ".csv", stem + ".json" };
        if (plot is not null)
            files.AddRange(plot(stem));
        files.Add(ProvenanceSidecar.Write(stem, files, inputs ?? []));
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
                console.Write(table());
                if (note is not null)
                    console.WriteLine(note);
                console.WriteLine($"Wrote {string.Join(", ", files)}");
                break;
        }
    }
}
