namespace ReluKernels.Analysis;

/// <summary>Exact linear regions of a 1-D network on an interval, per hidden layer and at the output.</summary>
/// <param name="Lower">The interval's left end.</param>
/// <param name="Upper">The interval's right end.</param>
/// <param name="Hidden">Hidden layers 1..depth in order (the joint output of each layer's neurons).</param>
/// <param name="Output">The output layer.</param>
public sealed record LinearRegionReport(double Lower, double Upper, IReadOnlyList<LayerRegions> Hidden, LayerRegions Output);
