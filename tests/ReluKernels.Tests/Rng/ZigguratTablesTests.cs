using MathNet.Numerics;

namespace ReluKernels.Tests.Rng;

/// <summary>
/// The ziggurat's fixed tables against the geometry they must have, with f(x) = e^(−x²/2) from <see cref="Math.Exp"/> and
/// the normal tail from MathNet's erfc (independent of the project's exp/log that built them).
/// </summary>
public class ZigguratTablesTests
{
    // R is published to 13 significant digits (|δR| ≤ 5e-13) and V to 15; the layer areas follow V through 127 steps of
    // the recurrence, each with a few roundings of 2^-53 in the project's exp/log (≤ 2 ulp). Measured agreement is
    // ~1e-12 relative; 1e-9 leaves room for Math.Exp's own last-bit differences and still rejects any wrong layer, whose
    // area would be off by a whole layer's relative width (≥ 1e-3).
    private const double AreaTolerance = 1e-9;

    // The top cap [0, x₁] × [f(x₁), 1] takes whatever area the 126 steps leave. With the published pair (R, V) it is off
    // by 1.197e-9 relative even in exact-as-double arithmetic (the same recurrence with Math.Exp/Log gives the same
    // residual; moving R by its last published digit changes it by only 2e-12), so the pair itself closes to ~1.2e-9:
    // a probability error of ~1e-11 for the top layer, far below anything a test at α = 1e-6 can see. The bound allows
    // that residual and nothing of a layer's size.
    private const double TopCapTolerance = 2e-9;

    private static double F(double x) => Math.Exp(-0.5 * x * x);

    [Fact]
    public void BaseStripHoldsTheRectangleUnderRPlusTheTail()
    {
        // V = R·f(R) + ∫_R^∞ f = R·f(R) + √(π/2)·erfc(R/√2): the constants of Marsaglia & Tsang 2000 satisfy it.
        double tail = Math.Sqrt(Math.PI / 2) * SpecialFunctions.Erfc(ZigguratTables.R / Math.Sqrt(2));
        double v = ZigguratTables.R * F(ZigguratTables.R) + tail;
        Assert.True(Math.Abs(v / ZigguratTables.V - 1) < AreaTolerance, $"base strip {v} vs V = {ZigguratTables.V}");
        Assert.True(Math.Abs(ZigguratTables.Edge[0] * F(ZigguratTables.R) / ZigguratTables.V - 1) < AreaTolerance);
    }

    [Fact]
    public void EveryLayerHasAreaVUpToTheTopCap()
    {
        var x = ZigguratTables.Edge;
        for (int i = 1; i < ZigguratTables.Layers; i++)
        {
            double above = i == 1 ? 1 : F(x[i - 1]);
            double area = x[i] * (above - F(x[i]));
            double tolerance = i == 1 ? TopCapTolerance : AreaTolerance;
            Assert.True(Math.Abs(area / ZigguratTables.V - 1) < tolerance, $"layer {i}: area {area} vs V = {ZigguratTables.V}");
            Assert.True(i == 1 || x[i - 1] < x[i], $"edges must grow downwards at layer {i}");
        }
    }

    [Fact]
    public void FastAcceptBoundsStayInsideTheCurve()
    {
        // A magnitude j < Accept[i] of layer i must lie left of the layer above (or of R in the base strip), and the
        // bound must be tight: j = Accept[i] must not (else the fast path gives up more than rounding).
        for (int i = 0; i < ZigguratTables.Layers; i++)
        {
            double inner = i == 0 ? ZigguratTables.R : i == 1 ? 0 : ZigguratTables.Edge[i - 1];
            double unit = ZigguratTables.Edge[i] / 16777216.0;
            uint bound = ZigguratTables.Accept[i];
            Assert.True(bound == 0 || (bound - 1) * unit < inner, $"layer {i}: bound {bound} reaches past {inner}");
            Assert.True((bound + 1) * unit >= inner, $"layer {i}: bound {bound} gives up more than one step below {inner}");
            Assert.Equal((float)unit, ZigguratTables.Step[i]);
        }
    }
}
