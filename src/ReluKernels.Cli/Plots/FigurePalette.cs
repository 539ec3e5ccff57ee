using ScottPlot;

namespace ReluKernels.Cli.Plots;

/// <summary>
/// The colour-blind-safe Okabe–Ito colours (as in Wong 2011, ScottPlot's <c>Palettes.ColorblindFriendly</c>), reordered for a white
/// background: yellow, the faintest, comes last, and black is kept for targets and reference curves (<see cref="Reference"/>).
/// </summary>
public static class FigurePalette
{
    /// <summary>Black: the target function or a reference curve that is not one of the series.</summary>
    public static readonly Color Reference = Color.FromHex("#000000");

    private static readonly Color[] Series =
    [
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#D55E00"), // vermillion
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#56B4E9"), // sky blue
        Color.FromHex("#F0E442"), // yellow
    ];

    /// <summary>The colour of the <paramref name="index"/>-th series (cycling after seven).</summary>
    public static Color Get(int index) => Series[index % Series.Length];
}
