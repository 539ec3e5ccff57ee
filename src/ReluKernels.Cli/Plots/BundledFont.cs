using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace ReluKernels.Cli.Plots;

/// <summary>
/// DejaVu Sans 2.37 (regular and bold), embedded in this assembly with its licence (<c>Plots/Fonts/DejaVu-LICENSE.txt</c>), so a
/// figure is drawn with the same glyphs on every machine whatever fonts are installed. PNG and PDF carry the glyphs; SVG
/// names the family (viewers without DejaVu Sans substitute a sans-serif).
/// </summary>
public sealed class BundledFont : IFontResolver
{
    /// <summary>The family name figures use.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly SKTypeface Regular = Load("DejaVuSans.ttf"), Bold = Load("DejaVuSans-Bold.ttf");

    // ScottPlot's resolver list is process-wide; ours goes first so an installed DejaVu Sans (of another version) is not used.
    private static readonly Lazy<bool> Registered = new(() =>
    {
        ScottPlot.Fonts.FontResolvers.Insert(0, new BundledFont());
        return true;
    });

    private BundledFont()
    {
    }

    /// <summary>Makes <see cref="Family"/> resolve to the bundled files (idempotent, thread-safe).</summary>
    public static void Register() => _ = Registered.Value;

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Family ? (bold ? Bold : Regular) : null;

    private static SKTypeface Load(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"ReluKernels.Cli.Plots.Fonts.{file}")
            ?? throw new InvalidOperationException($"The embedded font {file} is missing from the assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The embedded font {file} could not be read.");
    }
}
