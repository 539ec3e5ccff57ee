using System.Xml.Linq;
using ReluKernels.Cli.Figures;
using ReluKernels.Cli.Output;

namespace ReluKernels.Cli.Tests;

/// <summary>index.html: well-formed, one section per paper, every text escaped, SVG inlined with nothing from outside the page.</summary>
public sealed class FigureReportTests
{
    private const string Hostile = "<script>alert('x')</script> & \"quoted\"";

    private static readonly Provenance Made = new("relukernels figures --out 'a b'", "figures", 1, null, "0.1.0", "abc123", "2026-01-02T03:04:05Z");

    // Two plots from the same file, as ScottPlot numbers clip paths alike in every file, and an external image reference.
    private const string Svg = """
        <?xml version="1.0" encoding="utf-8" ?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="70">
          <clipPath id="cl_1"><rect width="10" height="10"/></clipPath>
          <g clip-path="url(#cl_1)"><text>plot</text></g>
          <use xlink:href="#cl_1"/>
          <image href="http://example.com/tracker.png" width="1" height="1"/>
        </svg>
        """;

    private static (FigureCatalogue Catalogue, FigureRun[] Runs) Fixture()
    {
        var one = new FigurePaper("paper-one", "First & Second 2020", Hostile);
        var two = new FigurePaper("paper-two", "Third 2021", "Title");
        var plotted = new FigureEntry("paper-one", "fig-1", "Fig. 1", "Caption " + Hostile, ["collapse"], ["collapse"], null);
        var second = new FigureEntry("paper-one", "fig-2", "Fig. 2", "Second caption", ["collapse"], ["collapse"], null);
        var missing = new FigureEntry("paper-two", "fig-9", "Fig. 9", "Not made", null, null, "No command " + Hostile);
        string root = Cli.TempDirectory();
        var runs = new[] { Write(plotted, root), Write(second, root), new FigureRun(missing, [], Path.Combine(root, "paper-two", "fig-9"), 0, 0, null) };
        return (new FigureCatalogue([one, two], [plotted, second, missing]), runs);
    }

    private static FigureRun Write(FigureEntry entry, string root)
    {
        string directory = Path.Combine(root, entry.Paper, entry.Id);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "plot.svg"), Svg);
        File.WriteAllText(Path.Combine(directory, "plot.csv"), "width,note,agrees\n2,\"<b>bold</b>, really\",True\n3,plain,False\n");
        File.WriteAllText(Path.Combine(directory, FigureRun.StdoutFile), Hostile);
        var sidecar = new ProvenanceSidecar(Made with { CommandLine = "relukernels collapse --out " + Hostile }, [],
            [new ProvenanceOutput("plot.csv", "0"), new ProvenanceOutput("plot.svg", "0")]);
        File.WriteAllText(Path.Combine(directory, "plot.provenance.json"), Json.Serialize(sidecar));
        return new FigureRun(entry, ["collapse", "--out", directory], directory, 1.5, 0, null);
    }

    private static (string Html, XElement Root) Build()
    {
        var (catalogue, runs) = Fixture();
        string html = FigureReport.Build(catalogue, runs, FigureScale.Quick, Made);
        return (html, XDocument.Parse(html).Root!);
    }

    [Fact]
    public void Page_is_well_formed_with_one_section_per_paper()
    {
        var (_, root) = Build();
        var sections = root.Descendants("section").ToArray();
        Assert.Equal(["paper-one", "paper-two"], sections.Select(s => (string?)s.Attribute("id")));
        Assert.Equal(2, sections[0].Elements("article").Count());
        Assert.Single(sections[1].Elements("article"));
    }

    [Fact]
    public void Text_from_files_and_catalogue_is_escaped()
    {
        var (html, root) = Build();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "script" or "b");
        Assert.Contains(root.Descendants("cite"), e => e.Value == Hostile);
        Assert.Contains(root.Descendants("td"), e => e.Value == "<b>bold</b>, really");
        Assert.Contains(root.Descendants("pre"), e => e.Value == Hostile);
        Assert.Contains(root.Descendants("p"), e => e.Value == "Not reproduced: No command " + Hostile);
    }

    [Fact]
    public void Svg_is_inline_with_unique_ids_and_nothing_external()
    {
        var (html, root) = Build();
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(2, root.Descendants(svg + "svg").Count());
        Assert.DoesNotContain(root.Descendants(svg + "image").Attributes(), a => a.Name.LocalName == "href");
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        var ids = root.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        // Each plot's clip path is referenced under its own prefixed id, so it resolves within its own SVG.
        foreach (var plot in root.Descendants(svg + "svg"))
        {
            string clipId = (string)plot.Descendants(svg + "clipPath").Single().Attribute("id")!;
            Assert.Equal($"url(#{clipId})", (string?)plot.Descendants(svg + "g").Single().Attribute("clip-path"));
            Assert.Equal("#" + clipId, plot.Descendants(svg + "use").Single().Attributes().Single(a => a.Name.LocalName == "href").Value);
        }
    }

    [Fact]
    public void Agreement_columns_become_markers_and_are_counted()
    {
        var (_, root) = Build();
        var article = root.Descendants("article").First();
        Assert.Equal(["✓", "✗"], article.Descendants("td").Where(td => (string?)td.Attribute("class") is "agree" or "disagree").Select(td => td.Value));
        Assert.Contains(article.Descendants("p"), p => p.Value == "Agreement of simulation with theory (agrees): 1 ✓, 1 ✗");
    }

    [Fact]
    public void Provenance_is_shown_for_each_figure()
    {
        var (_, root) = Build();
        foreach (var article in root.Descendants("article").Take(2))
        {
            var terms = article.Descendants("dt").Select(d => d.Value).ToArray();
            Assert.Equal(["command", "seed", "version", "commit", "date"], terms);
            Assert.Equal(["relukernels collapse --out " + Hostile, "1", "0.1.0", "abc123", "2026-01-02T03:04:05Z"], article.Descendants("dd").Select(d => d.Value));
        }
    }
}
