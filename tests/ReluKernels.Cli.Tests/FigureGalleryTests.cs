using System.Text.RegularExpressions;
using ReluKernels.Cli.Figures;
using ReluKernels.Cli.Output;
using SkiaSharp;

namespace ReluKernels.Cli.Tests;

/// <summary>
/// The gallery of docs/figures.md (made by docs/figures/regenerate.sh) against the catalogue of this build: one section per
/// entry, in catalogue order, each with its <c>--quick</c> command line (or the reason it is not reproduced), and every image
/// it shows a PNG in docs/figures/ that decodes; no PNG there is left unshown.
/// </summary>
public sealed partial class FigureGalleryTests
{
    private static readonly string Docs = Path.Combine(RepositoryRoot(), "docs");

    private static readonly IReadOnlyList<(string Key, string Text)> Sections = GallerySections(File.ReadAllText(Path.Combine(Docs, "figures.md")));

    [Fact]
    public void Lists_exactly_the_catalogue_entries_in_order()
    {
        Assert.Equal(FigureCatalogue.Default.Figures.Select(f => f.Key), Sections.Select(s => s.Key));
    }

    [Fact]
    public void Each_entry_shows_its_quick_command_or_why_it_is_not_reproduced()
    {
        foreach (var entry in FigureCatalogue.Default.Figures)
        {
            string text = Sections.Single(s => s.Key == entry.Key).Text;
            string expected = entry.Quick is { } quick ? $"`{CliErrors.ProgramName} {string.Join(' ', quick.Select(Provenance.Quote))}`" : "Not reproduced";
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{entry.Key}: the gallery lacks {expected}");
        }
    }

    [Fact]
    public void Every_image_shown_is_a_png_of_its_entry_and_every_png_is_shown()
    {
        var shown = new List<string>();
        foreach (var (key, text) in Sections)
        {
            var images = ImageLink().Matches(text).Select(m => m.Groups[1].Value).ToArray();
            // An entry whose command makes no plot (a table) says so instead.
            Assert.True(images.Length > 0 || text.Contains("No plot", StringComparison.Ordinal) || text.Contains("Not reproduced", StringComparison.Ordinal),
                $"{key} shows no image and does not say why");
            foreach (string image in images)
            {
                Assert.StartsWith($"figures/{key.Replace('/', '-')}-", image, StringComparison.Ordinal);
                string path = Path.Combine(Docs, image);
                Assert.True(File.Exists(path), $"{image} is missing");
                using var codec = SKCodec.Create(path);
                Assert.True(codec?.EncodedFormat == SKEncodedImageFormat.Png, $"{image} is not a PNG");
                using var bitmap = SKBitmap.Decode(codec);
                Assert.True(bitmap is { Width: > 0, Height: > 0 }, $"{image} does not decode");
                shown.Add(Path.GetFileName(image));
            }
        }
        Assert.Equal(Directory.GetFiles(Path.Combine(Docs, "figures"), "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
    }

    // "### `{key}` …" headings under "## Gallery", each with the text up to the next heading.
    private static List<(string Key, string Text)> GallerySections(string markdown)
    {
        int start = markdown.IndexOf("\n## Gallery", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/figures.md has no '## Gallery' section");
        string gallery = markdown[(start + 1)..];
        int end = gallery.IndexOf("\n## ", StringComparison.Ordinal);
        if (end >= 0)
            gallery = gallery[..end];
        return [.. gallery.Split("\n### ").Skip(1).Select(s => (Heading().Match(s) is { Success: true } m ? m.Groups[1].Value : s.Split('\n')[0], s))];
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReluKernels.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No ReluKernels.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^`([^`]+)`")]
    private static partial Regex Heading();

    [GeneratedRegex(@"!\[[^\]]*\]\((figures/[^)\s]+\.png)\)")]
    private static partial Regex ImageLink();
}
