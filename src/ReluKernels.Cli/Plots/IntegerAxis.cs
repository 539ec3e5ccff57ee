using ScottPlot;
using ScottPlot.TickGenerators;

namespace ReluKernels.Cli.Plots;

/// <summary>An axis of whole numbers (depth, width, layer, neuron count): ticks only at integers, no minor ticks between them.</summary>
public static class IntegerAxis
{
    /// <summary>Gives <paramref name="axis"/> integer-only ticks.</summary>
    public static void Apply(IAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        axis.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true, MinorTickGenerator = new NoMinorTicks() };
    }

    private sealed class NoMinorTicks : IMinorTickGenerator
    {
        public IEnumerable<double> GetMinorTicks(double[] majorPositions, CoordinateRange visibleRange) => [];
    }
}
