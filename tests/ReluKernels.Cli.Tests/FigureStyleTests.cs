using ReluKernels.Cli.Plots;
using ScottPlot;

namespace ReluKernels.Cli.Tests;

/// <summary>The figure style's axes, read off the tick generators of rendered plots rather than judged by eye.</summary>
public sealed class FigureStyleTests
{
    // The labels a reader expects at each decade, written out by hand.
    private static readonly Dictionary<int, string> DecadeLabels = new()
    {
        [-4] = "10⁻⁴",
        [-3] = "10⁻³",
        [-2] = "10⁻²",
        [-1] = "10⁻¹",
        [0] = "1",
        [1] = "10",
        [2] = "10²",
        [3] = "10³",
    };

    private const double Exact = 1e-9; // tick positions are computed, so compare up to rounding

    [Fact]
    public void Log_axis_has_major_ticks_at_powers_of_ten_labelled_in_original_units_and_minor_ticks_at_2_to_9()
    {
        var plot = FigureStyle.Create("log", "x", "y");
        LogAxis.Apply(plot.Axes.Left);
        double[] values = [1e-3, 0.02, 0.5, 7, 300];
        FigureStyle.Simulation(plot, [1, 2, 3, 4, 5], [.. values.Select(LogAxis.Value)], FigurePalette.Get(0), "data");
        plot.GetImage(FigureFiles.LayoutWidth, FigureFiles.LayoutHeight).Dispose();

        var ticks = plot.Axes.Left.TickGenerator.Ticks;
        var major = ticks.Where(t => t.IsMajor && t.Position >= -3 - Exact && t.Position <= 2.5).ToArray();
        Assert.True(major.Length >= 3, $"{major.Length} major ticks");
        foreach (var tick in major)
        {
            int decade = (int)Math.Round(tick.Position);
            Assert.True(Math.Abs(tick.Position - decade) < Exact, $"major tick at log10 = {tick.Position}");
            Assert.Equal(DecadeLabels[decade], tick.Label);
        }
        var minor = ticks.Where(t => !t.IsMajor).ToArray();
        Assert.NotEmpty(minor);
        foreach (var tick in minor)
        {
            double mantissa = Math.Pow(10, tick.Position - Math.Floor(tick.Position + Exact));
            Assert.True(Math.Abs(mantissa - Math.Round(mantissa)) < 1e-6 && Math.Round(mantissa) is >= 2 and <= 9,
                $"minor tick at {Math.Pow(10, tick.Position)} is not 2..9 times a power of ten");
        }
    }

    [Theory]
    [InlineData(-12, "10⁻¹²")]
    [InlineData(-1, "10⁻¹")]
    [InlineData(0, "1")]
    [InlineData(1, "10")]
    [InlineData(2, "10²")]
    [InlineData(10, "10¹⁰")]
    public void Decade_labels_are_powers_of_ten_with_superscript_exponents(int exponent, string expected) =>
        Assert.Equal(expected, LogAxis.Label(exponent));

    [Fact]
    public void Integer_axis_ticks_only_at_integers_where_the_default_would_not()
    {
        // Depths 1..3 across 1200 pixels: ScottPlot's default puts ticks every 0.2 or 0.5.
        Assert.Contains(Ticks(integer: false), p => Math.Abs(p - Math.Round(p)) > 0.1);
        var ticks = Ticks(integer: true);
        Assert.True(ticks.Length >= 2, $"{ticks.Length} ticks");
        Assert.All(ticks, p => Assert.True(Math.Abs(p - Math.Round(p)) < Exact, $"tick at {p}"));

        static double[] Ticks(bool integer)
        {
            var plot = FigureStyle.Create("integer", "depth", "y");
            if (integer)
                IntegerAxis.Apply(plot.Axes.Bottom);
            FigureStyle.Simulation(plot, [1, 2, 3], [0.1, 0.5, 0.9], FigurePalette.Get(0), "data");
            plot.GetImage(FigureFiles.LayoutWidth, FigureFiles.LayoutHeight).Dispose();
            var visible = plot.Axes.Bottom.Range;
            return [.. plot.Axes.Bottom.TickGenerator.Ticks.Select(t => t.Position).Where(p => p >= visible.Min && p <= visible.Max)];
        }
    }

    [Fact]
    public void Summary_is_drawn_after_the_runs_it_summarises()
    {
        var plot = FigureStyle.Create("order", "x", "y");
        var run = FigureStyle.Curve(plot, [0, 1], [0, 1], FigurePalette.Get(0), "run");
        var median = FigureStyle.Summary(plot, [0, 1], [0.5, 0.5], FigurePalette.Reference, "median");
        Assert.True(plot.PlottableList.IndexOf(median) > plot.PlottableList.IndexOf(run));
        Assert.True(median.LineWidth > run.LineWidth);
    }

    [Fact]
    public void Error_bar_caps_are_wider_than_a_marker_so_a_short_interval_stays_visible()
    {
        var plot = FigureStyle.Create("interval", "x", "y");
        var marker = FigureStyle.Simulation(plot, [1], [0.5], FigurePalette.Get(0), "p");
        var bar = FigureStyle.Interval(plot, [1], [0.5], [0.5], [0.5], FigurePalette.Get(0));
        Assert.True(bar.CapSize > marker.MarkerSize, $"cap {bar.CapSize} px, marker {marker.MarkerSize} px");
    }

    [Fact]
    public void Palette_is_okabe_ito_without_black_among_the_series()
    {
        // Okabe & Ito's eight colours (Wong 2011), written out here.
        string[] okabeIto = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"];
        var series = Enumerable.Range(0, 7).Select(i => FigurePalette.Get(i).ToHex()[..7]).ToArray();
        Assert.Equal(7, series.Distinct().Count());
        Assert.All(series, c => Assert.Contains(c, okabeIto));
        Assert.DoesNotContain("#000000", series);
        Assert.Equal("#000000", FigurePalette.Reference.ToHex()[..7]);
    }
}
