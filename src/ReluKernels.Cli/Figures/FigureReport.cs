using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ReluKernels.Cli.Output;

namespace ReluKernels.Cli.Figures;

/// <summary>
/// <c>index.html</c> of <c>relukernels figures</c>: one self-contained page (inline SVG and CSS, no script, no font, image
/// or style from anywhere else), one section per paper, each figure with its caption, its plots, the numbers behind them
/// (the command's CSV files as tables), its agreement markers and its provenance (from the provenance sidecars).
/// Every text taken from a file or the catalogue is HTML-escaped, and the page is well-formed XML too (void elements
/// closed), so a test can parse it.
/// </summary>
public static class FigureReport
{
    /// <summary>The report's file name in the output directory.</summary>
    public const string FileName = "index.html";

    /// <summary>Rows of a CSV shown in the page; the file beside it holds them all.</summary>
    public const int MaxRows = 40;

    /// <summary>Writes the report of <paramref name="runs"/> to <c>{outDirectory}/index.html</c> atomically.</summary>
    /// <returns>The report's path.</returns>
    public static string Write(string outDirectory, FigureCatalogue catalogue, IReadOnlyList<FigureRun> runs, FigureScale scale, Provenance provenance)
    {
        string path = Path.Combine(outDirectory, FileName);
        AtomicFile.WriteText(path, Build(catalogue, runs, scale, provenance));
        return path;
    }

    /// <summary>The report's HTML.</summary>
    public static string Build(FigureCatalogue catalogue, IReadOnlyList<FigureRun> runs, FigureScale scale, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(provenance);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>ReluKernels: figures of the papers</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>ReluKernels: figures of the papers</h1>\n<p class=\"meta\">")
            .Append(E($"Scale {(scale == FigureScale.Paper ? "--paper" : "--quick")}; made {provenance.UtcDate} by {provenance.CommandLine} (version {provenance.PackageVersion}, commit {provenance.Commit})."))
            .Append("</p>\n");
        AppendSummary(html, runs);
        foreach (var paper in catalogue.Papers)
        {
            html.Append("<section class=\"paper\" id=\"").Append(E(paper.Id)).Append("\">\n<h2>").Append(E(paper.Citation)).Append(": <cite>")
                .Append(E(paper.Title)).Append("</cite></h2>\n");
            foreach (var run in runs.Where(r => r.Entry.Paper == paper.Id))
                AppendFigure(html, run);
            html.Append("</section>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    // No timings: they differ between any two runs, and the report of a merged sharded run equals the unsharded one's
    // (the console's summary table has them).
    private static void AppendSummary(StringBuilder html, IReadOnlyList<FigureRun> runs)
    {
        html.Append("<table class=\"summary\">\n<thead><tr><th>figure</th><th>command</th><th>status</th></tr></thead>\n<tbody>\n");
        foreach (var run in runs)
        {
            html.Append("<tr><td><a href=\"#").Append(E(Anchor(run.Entry))).Append("\">").Append(E($"{run.Entry.Paper} {run.Entry.Label}")).Append("</a></td><td><code>")
                .Append(E(CommandLine(run))).Append("</code></td><td class=\"").Append(StatusClass(run.Status)).Append("\">").Append(E(StatusText(run))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendFigure(StringBuilder html, FigureRun run)
    {
        var entry = run.Entry;
        html.Append("<article class=\"figure\" id=\"").Append(E(Anchor(entry))).Append("\" data-status=\"").Append(StatusClass(run.Status)).Append("\">\n<h3>")
            .Append(E(entry.Label)).Append("</h3>\n<p class=\"caption\">").Append(E(entry.Caption)).Append("</p>\n");
        if (run.Status == FigureStatus.NotReproduced)
        {
            html.Append("<p class=\"not-reproduced\">Not reproduced: ").Append(E(entry.NotReproduced!)).Append("</p>\n</article>\n");
            return;
        }
        if (run.Status == FigureStatus.Failed)
            html.Append("<p class=\"failed\">Failed (exit ").Append(run.ExitCode.ToString(CultureInfo.InvariantCulture)).Append("): ").Append(E(run.Message ?? "")).Append("</p>\n");
        var sidecars = Sidecars(run.Directory);
        var files = sidecars.SelectMany(s => s.Files.Select(f => f.File)).Distinct().ToArray();
        int plot = 0;
        foreach (string svg in files.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            html.Append("<figure>").Append(InlineSvg.From(File.ReadAllText(Path.Combine(run.Directory, svg)), $"{entry.Paper}-{entry.Id}-{plot++}-"))
                .Append("<figcaption>").Append(E(svg)).Append("</figcaption></figure>\n");
        }
        foreach (string csv in files.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)))
            AppendTable(html, csv, CsvTable.Parse(File.ReadAllText(Path.Combine(run.Directory, csv))));
        string stdout = Path.Combine(run.Directory, FigureRun.StdoutFile);
        if (File.Exists(stdout))
            html.Append("<details><summary>What the command printed</summary><pre>").Append(E(File.ReadAllText(stdout))).Append("</pre></details>\n");
        foreach (var sidecar in sidecars)
            AppendProvenance(html, sidecar.Provenance);
        html.Append("</article>\n");
    }

    private static void AppendTable(StringBuilder html, string file, CsvTable table)
    {
        var agreement = table.Header.Select((name, i) => (name, i)).Where(c => IsAgreementColumn(c.name, table.Rows, c.i)).Select(c => c.i).ToHashSet();
        if (agreement.Count > 0)
        {
            int agree = table.Rows.Sum(r => agreement.Count(i => i < r.Count && IsTrue(r[i])));
            int disagree = table.Rows.Sum(r => agreement.Count(i => i < r.Count && IsFalse(r[i])));
            html.Append("<p class=\"agreement\">Agreement of simulation with theory (").Append(E(string.Join(", ", agreement.Select(i => table.Header[i]))))
                .Append("): <span class=\"agree\">").Append(agree.ToString(CultureInfo.InvariantCulture)).Append(" ✓</span>, <span class=\"disagree\">")
                .Append(disagree.ToString(CultureInfo.InvariantCulture)).Append(" ✗</span></p>\n");
        }
        html.Append("<div class=\"table\"><table>\n<caption>").Append(E(file));
        if (table.Rows.Count > MaxRows)
            html.Append(E($" (first {MaxRows} of {table.Rows.Count} rows; the file has them all)"));
        html.Append("</caption>\n<thead><tr>");
        foreach (string name in table.Header)
            html.Append("<th>").Append(E(name)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows.Take(MaxRows))
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                if (agreement.Contains(i) && (IsTrue(row[i]) || IsFalse(row[i])))
                    html.Append(IsTrue(row[i]) ? "<td class=\"agree\">✓</td>" : "<td class=\"disagree\">✗</td>");
                else
                    html.Append("<td>").Append(E(Cell(row[i]))).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
    }

    private static void AppendProvenance(StringBuilder html, Provenance p)
    {
        html.Append("<dl class=\"provenance\"><dt>command</dt><dd><code>").Append(E(p.CommandLine)).Append("</code></dd>");
        if (p.Seed is { } seed)
            html.Append("<dt>seed</dt><dd>").Append(seed.ToString(CultureInfo.InvariantCulture)).Append("</dd>");
        html.Append("<dt>version</dt><dd>").Append(E(p.PackageVersion)).Append("</dd><dt>commit</dt><dd>").Append(E(p.Commit))
            .Append("</dd><dt>date</dt><dd>").Append(E(p.UtcDate)).Append("</dd></dl>\n");
    }

    // The CSV columns that say whether simulation agrees with theory: agrees (collapse, active-neurons), respectsBound and
    // initAgreesWithTheorem3 (train-success); recognised by name and by holding only True/False.
    private static bool IsAgreementColumn(string name, IReadOnlyList<IReadOnlyList<string>> rows, int column) =>
        (name.Contains("agree", StringComparison.OrdinalIgnoreCase) || name.Contains("respects", StringComparison.OrdinalIgnoreCase))
        && rows.Any(r => column < r.Count && (IsTrue(r[column]) || IsFalse(r[column])))
        && rows.All(r => column >= r.Count || r[column].Length == 0 || IsTrue(r[column]) || IsFalse(r[column]));

    private static bool IsTrue(string value) => value.Equals("true", StringComparison.OrdinalIgnoreCase);

    private static bool IsFalse(string value) => value.Equals("false", StringComparison.OrdinalIgnoreCase);

    // Doubles at 6 significant digits for reading; the CSV beside the page keeps every digit.
    private static string Cell(string value) =>
        value.Contains('.', StringComparison.Ordinal) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            ? number.ToString("G6", CultureInfo.InvariantCulture)
            : value;

    private static ProvenanceSidecar[] Sidecars(string directory) =>
        !Directory.Exists(directory)
            ? []
            : [.. Directory.GetFiles(directory, "*.provenance.json").Order(StringComparer.Ordinal)
                .Select(f => JsonSerializer.Deserialize<ProvenanceSidecar>(File.ReadAllText(f), Json.Options))
                .OfType<ProvenanceSidecar>()];

    private static string Anchor(FigureEntry entry) => $"{entry.Paper}-{entry.Id}";

    private static string CommandLine(FigureRun run) =>
        run.Arguments.Count == 0 ? "" : string.Join(' ', new[] { CliErrors.ProgramName }.Concat(run.Arguments).Select(Provenance.Quote));

    private static string StatusClass(FigureStatus status) => status switch
    {
        FigureStatus.Ok => "ok",
        FigureStatus.Failed => "failed",
        _ => "not-reproduced",
    };

    /// <summary>The status as the summary tables show it.</summary>
    public static string StatusText(FigureRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Status switch
        {
            FigureStatus.Ok => "ok",
            FigureStatus.Failed => $"failed: {run.Message}",
            _ => "not reproduced",
        };
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """

        body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem; color: #111; }
        h1 { font-size: 1.6rem; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: .2rem; margin-top: 2.5rem; }
        .meta, figcaption, caption { color: #555; font-size: .85rem; }
        article.figure { border-top: 1px solid #ccc; margin-top: 1.5rem; }
        figure { margin: .5rem 0; } figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
        table { border-collapse: collapse; font-size: .8rem; margin: .5rem 0; }
        th, td { border: 1px solid #ddd; padding: .15rem .4rem; text-align: right; white-space: nowrap; }
        th { background: #f3f3f3; } caption { text-align: left; }
        div.table { overflow-x: auto; }
        .agree { color: #009E73; font-weight: bold; } .disagree { color: #D55E00; font-weight: bold; }
        .ok { color: #009E73; } .failed { color: #D55E00; font-weight: bold; } .not-reproduced { color: #777; font-style: italic; }
        dl.provenance { display: grid; grid-template-columns: max-content auto; gap: .1rem .8rem; font-size: .8rem; color: #333; }
        dl.provenance dt { font-weight: bold; } dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
        pre { font-size: .75rem; overflow-x: auto; background: #f8f8f8; padding: .5rem; }
        table.summary td, table.summary th { text-align: left; white-space: normal; }

        """;
}
