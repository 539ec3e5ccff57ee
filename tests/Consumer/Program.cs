using Consumer;
using Consumer.CollidingNames;
using ReluKernels;
using ReluKernels.Statistics;
using ReluKernels.Studies;

// Uses the ReluKernels package as an outside project would: kernels generated for this project's own shapes, the
// collapse study and the closed forms of its public entry points (ReluKernels.Studies). One line per check; exit 1 if any fails.
var checks = new CheckList();

foreach (var path in KernelPaths.Supported)
{
    checks.Run($"multi-line float shape, {path}: Forward and Backward agree with GenericNetwork<float>",
        () => GeneratedAgainstGeneric.Compare<MultiLineShape, float>(path, seed: 1));
    checks.Run($"shape among colliding type names, {path}: Forward and Backward agree with GenericNetwork<float>",
        () => GeneratedAgainstGeneric.Compare<ShapeAmongCollidingNames, float>(path, seed: 2));
}
checks.Run("double shape: Forward and Backward equal hand-computed values", HandComputed.CheckDoubleShape);

// Width 2, depth 2, He-normal weights, no biases: collapse (some hidden layer identically zero on [-1, 1]) has
// probability exactly 5/32 (Lu, Su & Karniadakis 2019, Theorem 10, exact at depth 2).
checks.Run("CollapseStudy.Estimate, width 2 depth 2: agrees with 5/32 (binomial test, alpha = 1e-6)", () =>
{
    const long trials = 200_000;
    var estimate = CollapseStudy.Estimate(width: 2, depth: 2, trials: trials, seed: 2026);
    if (!estimate.Complete || estimate.Trials != trials)
        return $"run incomplete: {estimate.Trials} of {trials} trials";
    if (!(estimate.Interval.Low <= estimate.Estimate && estimate.Estimate <= estimate.Interval.High))
        return $"estimate {estimate.Estimate} outside its own interval [{estimate.Interval.Low}, {estimate.Interval.High}]";
    return BinomialTest.AgreesWith(estimate.Collapsed, trials, 5.0 / 32)
        ? null
        : $"{estimate.Collapsed} of {trials} collapsed ({estimate.Estimate:F5}), expected 5/32 = {5.0 / 32:F5}";
});

// Theorem 8 for width 2 and 3 layers, by hand: 1 - (1 - 2^-2)^3 = 1 - 27/64 = 37/64.
checks.Run("ClosedForms.PerInputZeroProbability(width 2, depth 3) = 37/64", () =>
{
    // The closed form goes through log and exp: allow 4 ulps of a value in [1/2, 1), whose ulp is 2^-53.
    double tolerance = 4 * Math.ScaleB(1.0, -53);
    double value = ClosedForms.PerInputZeroProbability(width: 2, depth: 3);
    return Math.Abs(value - 37.0 / 64) <= tolerance ? null : $"{value:R}, expected {37.0 / 64:R}";
});

checks.PrintSummary();
return checks.AnyFailed ? 1 : 0;
