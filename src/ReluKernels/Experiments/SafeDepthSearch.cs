using ReluKernels.MonteCarlo;
using ReluKernels.Statistics;
using ReluKernels.Theory;

namespace ReluKernels.Experiments;

/// <summary>
/// Finds, for one width, the largest depth whose simulated collapse probability stays below each p. Without biases a
/// hidden layer that is zero stays zero, so the networks of depth d that collapse are exactly those whose first dead layer
/// is ≤ d: one simulation at a sufficient depth gives the whole curve, and the search reads it with Wilson intervals so
/// that Monte-Carlo error decides between "safe", "estimated" and "plausible" depths rather than a bare point estimate.
/// </summary>
public static class SafeDepthSearch
{
    /// <summary>
    /// A depth at which collapse surely exceeds <paramref name="p"/>: the refined lower bound (a proven lower bound on
    /// collapse for i.i.d. symmetric weights) reaches min(2p, (1 + p)/2), so the simulation there sits clearly above p.
    /// </summary>
    public static int DepthToSimulate(int width, double p)
    {
        double target = Math.Min(2 * p, (1 + p) / 2);
        int depth = 1;
        while (depth < CollapseExperiment.MaxDepth && CollapseTheory.BornDeadLowerBound(width, depth) < target)
            depth = Math.Max(depth + 1, (int)(depth * 1.1));
        return Math.Min(depth, CollapseExperiment.MaxDepth);
    }

    /// <summary>Reads the safe depths for each of <paramref name="ps"/> off one finished bias-free run.</summary>
    public static IEnumerable<SafeDepthReport> Read(CollapseRun run, IEnumerable<double> ps)
    {
        var e = run.Experiment;
        if (e.HasBias)
            throw new ArgumentException("Safe depths are read off the first-dead-layer counts, which needs networks without biases.", nameof(run));
        var t = run.Tally;
        foreach (double p in ps)
        {
            if (!(p > 0 && p < 1))
                throw new ArgumentOutOfRangeException(nameof(ps), p, "p must lie in (0, 1).");
            int safe = 0, estimated = 0;
            int? plausible = null;
            long collapsed = 0;
            for (int d = 1; d <= e.Depth; d++)
            {
                collapsed += t.FirstDeadLayer[d];
                var ci = WilsonInterval.Of(collapsed, t.Trials);
                if (ci.High < p && safe == d - 1)
                    safe = d;
                if (ci.Estimate < p && estimated == d - 1)
                    estimated = d;
                if (plausible is null && ci.Low > p)
                    plausible = d - 1;
            }
            double eq5 = CollapseTheory.MaxDepthForZeroProbability(e.Width, p);
            yield return new SafeDepthReport
            {
                Width = e.Width,
                P = p,
                Trials = t.Trials,
                SimulatedDepth = e.Depth,
                SafeDepth = safe,
                EstimatedDepth = estimated,
                MaxPlausibleDepth = plausible,
                Equation5 = eq5,
                Equation5Depth = (int)Math.Floor(eq5),
                Engine = run.Engine.ToString(),
            };
        }
    }
}
