using System.Buffers.Binary;
using System.Text;
using System.Xml.Linq;

namespace ReluKernels.Cli.Tests;

/// <summary>Every command's plots, made in process at tiny budgets, open as PNG (at the --dpi size), SVG and PDF.</summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class FigureFilesTests
{
    // One tiny run per command that draws plots, on one thread (degeneracy has no --threads); conditioning with --widths draws
    // the error-vs-width plot too.
    public static TheoryData<string[]> Commands() => new(
        ["collapse", "--widths", "2,3", "--depths", "1..4", "--trials", "500", "--threads", "1"],
        ["safe-depth", "--widths", "2,3", "--p", "0.1,0.5", "--trials", "500", "--threads", "1"],
        ["trainability", "--input-dim", "1", "--radius", "1", "--required", "2", "--widths", "2,5", "--trials", "500", "--threads", "1"],
        ["active-neurons", "--architecture", "1,3,2", "--required", "1,1", "--radius", "1", "--trials", "500", "--threads", "1"],
        ["train-collapse", "--target", "abs", "--runs", "3", "--epochs", "5", "--threads", "1"],
        ["train-success", "--targets", "f2", "--widths", "4,5", "--runs", "2", "--epochs", "3", "--threads", "1"],
        ["init-compare", "--tasks", "two-sines", "--runs", "2", "--epochs", "5", "--threads", "1"],
        ["conditioning", "--inputs", "3", "--dimension", "3", "--separation", "0.2", "--max-depth", "3", "--width", "8", "--networks", "3", "--widths", "4,16", "--threads", "1"],
        ["compositional", "--targets", "x3", "--models", "1", "--depth", "2", "--points", "12", "--epochs", "4", "--pretrain-epochs", "2", "--threads", "1"],
        ["degeneracy", "--steps", "2", "--pairs", "4", "--width", "2"],
        ["length-map", "--activation", "relu", "--init", "he", "--depth", "3", "--width", "4", "--trials", "8", "--threads", "1"],
        ["train-depth", "--depths", "1,2", "--inputs", "4", "--dimension", "3", "--runs", "2", "--epochs", "3", "--threads", "1"],
        ["train-remedies", "--remedies", "he,batch-norm", "--runs", "2", "--epochs", "3", "--threads", "1"]);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_plot_is_a_valid_png_svg_and_pdf(string[] command)
    {
        const int dpi = 100;
        string dir = Cli.TempDirectory();
        var r = InProcessCli.Run([.. command, "--dpi", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "csv", "--out", dir]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var stems = Directory.GetFiles(dir, "*.png").Select(f => f[..^4]).ToArray();
        Assert.NotEmpty(stems);
        foreach (string stem in stems)
        {
            AssertPng(stem + ".png", dpi);
            AssertSvg(stem + ".svg");
            AssertPdf(stem + ".pdf");
        }
        Assert.Equal(stems.Length, Directory.GetFiles(dir, "*.svg").Length);
        Assert.Equal(stems.Length, Directory.GetFiles(dir, "*.pdf").Length);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(300)]
    public void Png_size_follows_the_dpi_and_vector_files_do_not(int dpi)
    {
        string dir = Cli.TempDirectory();
        var r = InProcessCli.Run("collapse", "--widths", "2", "--depths", "1..3", "--trials", "200", "--dpi", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--format", "csv", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        AssertPng(Path.Combine(dir, "collapse.png"), dpi);
        AssertSvg(Path.Combine(dir, "collapse.svg"));
        AssertPdf(Path.Combine(dir, "collapse.pdf"));
    }

    [Fact]
    public void Default_png_is_1200_by_700_at_150_dpi()
    {
        string dir = Cli.TempDirectory();
        var r = InProcessCli.Run("collapse", "--widths", "2", "--depths", "1..3", "--trials", "200", "--format", "csv", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal((1200, 700), PngSize(Path.Combine(dir, "collapse.png")));
    }

    // The figure is 8 × 4⅔ inches: 1200 × 700 pixels at 150 dpi, 576 × 336 points in PDF.
    private static void AssertPng(string path, int dpi) =>
        Assert.Equal(((int)Math.Round(8.0 * dpi), (int)Math.Round(14.0 / 3 * dpi)), PngSize(path));

    private static (int Width, int Height) PngSize(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(signature), $"{path} has no PNG signature");
        Assert.Equal("IHDR", Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    private static void AssertSvg(string path)
    {
        var root = XDocument.Load(path).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Contains(root.Descendants(), e => e.Name.LocalName == "text");
    }

    private static void AssertPdf(string path)
    {
        string text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF", text.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("/MediaBox [0 0 576 336]", text, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", text, StringComparison.Ordinal); // the font travels with the file
    }
}
