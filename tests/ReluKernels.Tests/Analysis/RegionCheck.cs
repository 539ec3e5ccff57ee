using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

/// <summary>
/// Holds <see cref="PiecewiseLinearPropagator.LinearRegionCount"/> of every layer against slope changes observed
/// directly (independent forward passes): one-sided slopes around each breakpoint, and second differences on a grid
/// of 20001 points, which reveal any kink the propagator missed entirely.
/// </summary>
internal static class RegionCheck
{
    private const int GridPoints = 20001;
    private static readonly double[] Grid = RandomNetworks.Grid(GridPoints, 1);
    private const double Step = 2.0 / (GridPoints - 1);

    /// <summary>Checks each layer whose kinks the grid can resolve; returns how many layers were checked.</summary>
    public static int Run(NetworkArchitecture a, double[] p, string context)
    {
        var values = Grid.Select(x => RandomNetworks.Forward(a, p, x)).ToArray();
        var propagator = new PiecewiseLinearPropagator();
        propagator.Start(1);
        double scale = 1;
        int checkedLayers = 0;
        for (int l = 1; l <= a.LayerCount; l++)
        {
            propagator.ApplyLayer(RandomNetworks.Weights(a, p, l), RandomNetworks.Biases(a, p, l), a.LayerOutputs(l), RandomNetworks.Activates(a, l));
            int regions = propagator.LinearRegionCount;
            Assert.InRange(regions, 1, propagator.BreakpointCount + 1);
            scale = Math.Max(scale, values.Max(v => v[l].Max(Math.Abs)));
            if (CheckLayer(a, p, l, propagator.Breakpoints.ToArray(), values, scale, regions, context))
                checkedLayers++;
        }
        return checkedLayers;
    }

    private static bool CheckLayer(NetworkArchitecture a, double[] p, int l, double[] breakpoints, double[][][] values,
        double scale, int regions, string context)
    {
        // Preconditions: breakpoints (and the ends ±1) more than 4 grid steps apart, so that each kink shows as its own
        // run of one or two grid points and one-sided slopes can use steps ≥ one grid step.
        double[] marks = [-1, .. breakpoints, 1];
        for (int k = 1; k < marks.Length; k++)
            if (marks[k] - marks[k - 1] <= 4 * Step)
                return false;

        // A kink is "clear" when the grid must see it (second difference ≥ Δ·h/2 far above the threshold below) and
        // "absent" when the slopes agree to rounding; anything in between is undecidable here.
        double flagThreshold = 1e-12 * scale;
        double clearKink = 200 * flagThreshold / Step, absent = 1e-8 * scale; // one-sided slope noise ≲ 2e-10·scale
        int kinks = 0;
        for (int k = 1; k + 1 < marks.Length; k++)
        {
            double b = marks[k], delta = Math.Min(b - marks[k - 1], marks[k + 1] - b) / 4;
            var left = RandomNetworks.Forward(a, p, b - delta)[l];
            var mid = RandomNetworks.Forward(a, p, b)[l];
            var right = RandomNetworks.Forward(a, p, b + delta)[l];
            double change = 0;
            for (int j = 0; j < mid.Length; j++)
                change = Math.Max(change, Math.Abs((right[j] - mid[j]) / delta - (mid[j] - left[j]) / delta));
            if (change > clearKink)
                kinks++;
            else if (change > absent)
                return false;
        }
        Assert.True(regions == kinks + 1, $"{context}: layer {l} has {regions} regions by propagation but {kinks} kinks by one-sided slopes");

        int runs = 0;
        bool inRun = false;
        for (int i = 1; i + 1 < GridPoints; i++)
        {
            bool flagged = false;
            var (y0, y1, y2) = (values[i - 1][l], values[i][l], values[i + 1][l]);
            for (int j = 0; j < y1.Length && !flagged; j++)
                flagged = Math.Abs(y0[j] - 2 * y1[j] + y2[j]) > flagThreshold;
            if (flagged && !inRun)
                runs++;
            inRun = flagged;
        }
        Assert.True(runs == kinks, $"{context}: layer {l}: the grid sees {runs} kinks, propagation {kinks} (of {breakpoints.Length} breakpoints)");
        return true;
    }
}
