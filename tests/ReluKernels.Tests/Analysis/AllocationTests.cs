using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

public class AllocationTests
{
    [Fact]
    public void Propagation_and_homogeneity_allocate_nothing_in_steady_state()
    {
        var networks = Enumerable.Range(0, 24).Select(s => RandomNetworks.Make((byte)(7 + s), (byte)(11 + s), bias: s % 4 != 0, (ulong)s)).ToArray();
        var propagator = new PiecewiseLinearPropagator();
        var y = new double[ShapeLimits.MaxWidth];
        long sink = 0;
        void Work()
        {
            foreach (var (a, p) in networks)
            {
                propagator.Start(1);
                for (int l = 1; l <= a.LayerCount; l++)
                {
                    var report = propagator.ApplyLayer(RandomNetworks.Weights(a, p, l), RandomNetworks.Biases(a, p, l), a.LayerOutputs(l), RandomNetworks.Activates(a, l));
                    sink += report.DeadNeurons + (int)propagator.StateOf(0) + propagator.BreakpointCount;
                }
                sink += propagator.LinearRegionCount;
                propagator.Evaluate(0.25, y.AsSpan(0, propagator.Width));
                sink += PiecewiseLinearCollapse.FirstDeadLayer(propagator, a, p);
                if (!a.Bias)
                    sink += HomogeneityAnalysis.FirstDeadLayer(a, p);
            }
        }
        // Warm-up covers tiering and the buffers growing to the largest network.
        Assert.Equal(0, AllocationProbe.SteadyStateBytes(Work));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Buffers_grow_when_a_network_needs_more_points_than_ever_before()
    {
        // The tent map doubles the breakpoints each layer: 2^12 − 1 points is far beyond the initial capacity.
        var p = new PiecewiseLinearPropagator(maxWidth: 2);
        p.Start(1);
        p.ApplyLayer([0.5, 0.5], [0.5, 0], fanOut: 2, relu: true);
        for (int l = 2; l <= 12; l++)
            p.ApplyLayer([2, -4, 2, -4], [0, -0.5], fanOut: 2, relu: true);
        p.ApplyLayer([2, -4], [0], fanOut: 1, relu: false);
        Assert.Equal(4096, p.LinearRegionCount);
    }
}
