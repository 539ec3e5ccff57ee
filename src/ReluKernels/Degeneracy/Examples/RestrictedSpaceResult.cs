namespace ReluKernels.Degeneracy.Examples;

/// <summary>The result of <see cref="RestrictedSpaceStudy.Run"/>.</summary>
/// <param name="Width">m, the hidden width of the drawn (1, m, 1) networks; the augmented ones are (3, m + 1, 1).</param>
/// <param name="Radius">The domain [−r, r] of the 1-D input.</param>
/// <param name="GradientPoints">Points in the unit ball of R³ the gradients of the augmented networks are sampled on.</param>
/// <param name="Seed">The seed; pair p uses CounterRng stream p.</param>
/// <param name="Pairs">Every pair.</param>
/// <param name="Unrestricted">The ratio in P over all pairs.</param>
/// <param name="Restricted">The ratio in Q over all pairs.</param>
public sealed record RestrictedSpaceResult(int Width, double Radius, int GradientPoints, ulong Seed, IReadOnlyList<RestrictedSpacePair> Pairs,
    RatioSummary Unrestricted, RatioSummary Restricted);
