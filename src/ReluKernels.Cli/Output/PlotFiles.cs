using ScottPlot;

namespace ReluKernels.Cli.Output;

/// <summary>Saves a plot as PNG and SVG, each atomically.</summary>
public static class PlotFiles
{
    /// <summary>Plot size in pixels.</summary>
    public const int Width = 1200, Height = 700;

    /// <summary>Writes <c>{stem}.png</c> and <c>{stem}.svg</c>; returns their paths.</summary>
    /// <remarks>Plots use solid lines only: Skia's SVG backend does not support dash path effects and prints a warning per segment.</remarks>
    public static string[] Save(Plot plot, string stem)
    {
        string png = stem + ".png", svg = stem + ".svg";
        AtomicFile.Write(png, temp => plot.SavePng(temp, Width, Height));
        AtomicFile.Write(svg, temp => plot.SaveSvg(temp, Width, Height));
        return [png, svg];
    }
}
