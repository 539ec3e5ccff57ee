using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReluKernels.Cli.Output;

/// <summary>
/// The output convention of every experiment command: <c>{stem}.csv</c> and <c>{stem}.json</c> always, the plot as
/// <c>{stem}.png</c>/<c>.svg</c>/<c>.pdf</c> unless disabled, and <c>{stem}.provenance.json</c> (all written atomically), then
/// standard output in the requested format — the JSON or CSV text itself, or the table followed by an optional note and
/// the list of files written.
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
        string? note = null, IReadOnlyList<ProvenanceInput>? inputs = null) =>
        Write(stem, stream => stream.Write(Encoding.UTF8.GetBytes(json)), writer => writer.Write(csv), plot, table, format, note, inputs);

    /// <summary>Writes the files and standard output, streaming the JSON and CSV into their files (a large grid is never one string).</summary>
    /// <param name="stem">Path without extension, e.g. <c>results/collapse</c>.</param>
    /// <param name="json">Writes the JSON (UTF-8) to a stream.</param>
    /// <param name="csv">Writes the CSV to a writer.</param>
    /// <param name="plot">Writes the plot files for a stem and returns their paths; null for no plot.</param>
    /// <param name="table">Builds the table for <see cref="OutputFormat.Table"/>.</param>
    /// <param name="format">What standard output carries: the JSON or CSV is copied from its file.</param>
    /// <param name="note">A line printed under the table, if any.</param>
    /// <param name="inputs">Files the results were made from (merged shards), recorded in the provenance sidecar.</param>
    public static void Write(string stem, Action<Stream> json, Action<TextWriter> csv, Func<string, string[]>? plot, Func<IRenderable> table,
        OutputFormat format, string? note = null, IReadOnlyList<ProvenanceInput>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(table);
        AtomicFile.Write(stem + ".csv", temp =>
        {
            using var writer = new StreamWriter(temp, append: false, Utf8);
            csv(writer);
        });
        AtomicFile.Write(stem + ".json", temp =>
        {
            using var stream = File.Create(temp);
            json(stream);
        });
        var files = new List<string> { stem + ".csv", stem + ".json" };
        if (plot is not null)
            files.AddRange(plot(stem));
        files.Add(ProvenanceSidecar.Write(stem, files, inputs ?? []));
        switch (format)
        {
            case OutputFormat.Json:
                CopyToStandardOutput(stem + ".json");
                Console.Out.WriteLine();
                break;
            case OutputFormat.Csv:
                CopyToStandardOutput(stem + ".csv");
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

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static void CopyToStandardOutput(string path)
    {
        using var reader = new StreamReader(path, Utf8);
        var buffer = new char[1 << 14];
        for (int read; (read = reader.Read(buffer, 0, buffer.Length)) > 0;)
            Console.Out.Write(buffer, 0, read);
    }
}
