using ReluKernels.Cli.Output;
using ScottPlot;
using SkiaSharp;

namespace ReluKernels.Cli.Plots;

/// <summary>
/// Writes a figure as <c>{stem}.png</c> (at <see cref="Dpi"/>), <c>{stem}.svg</c> and <c>{stem}.pdf</c>, each atomically. Every
/// format has the same layout: a page of <see cref="WidthInches"/> × <see cref="HeightInches"/>, laid out as
/// <see cref="LayoutWidth"/> × <see cref="LayoutHeight"/> ScottPlot pixels and scaled to the format's resolution, so text and
/// lines keep their proportions at any dpi.
/// </summary>
/// <param name="Dpi">PNG resolution in dots per inch, <see cref="MinDpi"/>..<see cref="MaxDpi"/>.</param>
/// <remarks>Plots use solid lines only: Skia's SVG backend does not support dash path effects and prints a warning per segment.</remarks>
public sealed record FigureFiles(int Dpi)
{
    /// <summary>Default and range of <c>--dpi</c>.</summary>
    public const int DefaultDpi = 150, MinDpi = 50, MaxDpi = 1200;

    /// <summary>The layout size in ScottPlot pixels (its fonts and line widths are in these units); the PNG size at <see cref="DefaultDpi"/>.</summary>
    public const int LayoutWidth = 1200, LayoutHeight = 700;

    /// <summary>The page size in inches.</summary>
    public const double WidthInches = (double)LayoutWidth / DefaultDpi, HeightInches = (double)LayoutHeight / DefaultDpi;

    private const double PointsPerInch = 72;

    /// <summary>The settings for <c>--no-plot</c> and <c>--dpi</c>: null when plots are off.</summary>
    public static FigureFiles? From(bool noPlot, int dpi) => noPlot ? null : new FigureFiles(dpi);

    /// <summary>The PNG size in pixels at <see cref="Dpi"/>.</summary>
    public (int Width, int Height) PngSize => ((int)Math.Round(WidthInches * Dpi), (int)Math.Round(HeightInches * Dpi));

    /// <summary>Writes the three files for <paramref name="stem"/>; returns their paths.</summary>
    public string[] Save(Plot plot, string stem)
    {
        ArgumentNullException.ThrowIfNull(plot);
        FigureStyle.ApplyFont(plot); // again: labels set after the plot was created get the font too
        string png = stem + ".png", svg = stem + ".svg", pdf = stem + ".pdf";
        var (width, height) = PngSize;
        AtomicFile.Write(png, temp =>
        {
            plot.ScaleFactor = (double)Dpi / DefaultDpi;
            plot.SavePng(temp, width, height);
        });
        AtomicFile.Write(svg, temp =>
        {
            plot.ScaleFactor = 1;
            plot.SaveSvg(temp, LayoutWidth, LayoutHeight);
        });
        AtomicFile.Write(pdf, temp => SavePdf(plot, temp));
        plot.ScaleFactor = 1;
        return [png, svg, pdf];
    }

    // ScottPlot 5.1 has no PDF export; SkiaSharp's PDF backend draws the same canvas calls as vectors and embeds the font subset.
    private static void SavePdf(Plot plot, string path)
    {
        int width = (int)Math.Round(WidthInches * PointsPerInch), height = (int)Math.Round(HeightInches * PointsPerInch);
        using var stream = new SKFileWStream(path);
        // No creation date: the same results give the same bytes.
        using var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Creator = "relukernels", Creation = null, Modified = null });
        var canvas = document.BeginPage(width, height);
        plot.ScaleFactor = PointsPerInch / DefaultDpi;
        plot.Render(canvas, width, height);
        document.EndPage();
        document.Close();
    }
}
