using ReluKernels.Analysis;

namespace ReluKernels.Degeneracy.Examples;

/// <summary>
/// The inverse-stability ratio |Φ − Γ|_∞ / |R(Φ) − R(Γ)|_{W^{1,∞}}^{1/2} over random nearby pairs, in the unrestricted space
/// P of (1, m, 1) networks with biases and after projecting both onto the restricted space Q of Definition 3.2 with
/// <see cref="BiasAugmentation.Augment"/> (balanced, non-redundant, bias-free on (x, 1, −1)). Berner, Elbrächter &amp;
/// Grohs (2019), Corollary 3.3, bound the ratio on Q by a constant C′ (not recovered); on P it is unbounded.
/// </summary>
/// <remarks>
/// Pair p draws, from CounterRng stream p: Γ₀ with w, b, c and the output bias N(0, 1); σ = 10^−6u, u uniform; and
/// Φ₀ = Γ₀ + σ·N(0, 1) in every parameter. Odd pairs instead plant Example 2.2's degeneracy: Φ₀ = Γ₀ except that Γ₀'s
/// neuron 0 gets c = 0 and Φ₀'s neuron 0 the opposite incoming vector and c = σ·N(0, 1), so R(Φ₀) is O(σ) from R(Γ₀)
/// while no rescaling brings Φ₀'s neuron near Γ₀'s.
/// In P the distance is over permutations and rescalings, the realisation distance exact on [−r, r]. In Q the distance
/// is over permutations only (an upper bound of the corollary's infimum over all Φ′ ∈ Q with R(Φ′) = R(Φ)), and the
/// realisation distance on R³ (the paper's semi-norm of a bias-free network does not depend on the domain) is estimated
/// from below: the larger of the gradient difference on sampled points and the exact norm on the line (x, 1, −1). So the
/// Q ratio reported is an upper estimate of the corollary's.
/// </remarks>
public static class RestrictedSpaceStudy
{
    /// <summary>The widest hidden width accepted (the assignment is O(m⁴ log m), meant for small m).</summary>
    public const int MaxWidth = 32;

    /// <summary>The domain radius r of <see cref="Run"/> unless given.</summary>
    public const double DefaultRadius = 1;

    /// <summary>The gradient sample points of <see cref="Run"/> unless given.</summary>
    public const int DefaultGradientPoints = 2000;

    /// <summary>Runs <paramref name="pairs"/> pairs; <paramref name="tolerance"/> is the augmentation's τ for merging parallel neurons.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is less than 1, the width exceeds <see cref="MaxWidth"/>, or the radius is not positive and finite.</exception>
    /// <exception cref="ArgumentException">τ is not positive and finite.</exception>
    public static RestrictedSpaceResult Run(int width, int pairs, ulong seed, double radius = DefaultRadius, int gradientPoints = DefaultGradientPoints,
        double tolerance = DegeneracyDiagnostics.DefaultTolerance, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 1);
        var measured = Measure(width, seed, [.. Enumerable.Range(0, pairs)], radius, gradientPoints, tolerance, cancellationToken);
        return Summarise(width, seed, measured, radius, gradientPoints);
    }

    /// <summary>
    /// Measures the pairs <paramref name="indices"/> only: pair p depends on (seed, p) alone, so the pairs of a run may be
    /// measured in parts (shards) and put together with <see cref="Summarise"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The width exceeds <see cref="MaxWidth"/> or is less than 1, an index is negative, or the radius is not positive and finite.</exception>
    /// <exception cref="ArgumentException">τ is not positive and finite.</exception>
    public static RestrictedSpacePair[] Measure(int width, ulong seed, IReadOnlyList<int> indices, double radius = DefaultRadius,
        int gradientPoints = DefaultGradientPoints, double tolerance = DegeneracyDiagnostics.DefaultTolerance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indices);
        DegeneracyDiagnostics.CheckTolerance(tolerance);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxWidth);
        AnalysisArguments.CheckRadius(radius);
        var pointStream = new CounterRng(seed, ulong.MaxValue);
        var points = PointSets.UniformInBall(3, gradientPoints, 1, ref pointStream);
        var results = new RestrictedSpacePair[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentOutOfRangeException.ThrowIfNegative(indices[i]);
            results[i] = Measure(indices[i], width, seed, radius, points, tolerance);
        }
        return results;
    }

    /// <summary>The result of every pair of a run (pair p at position p), with its ratio summaries.</summary>
    /// <exception cref="ArgumentException">The pairs are not 0, 1, … in order.</exception>
    public static RestrictedSpaceResult Summarise(int width, ulong seed, IReadOnlyList<RestrictedSpacePair> pairs, double radius = DefaultRadius,
        int gradientPoints = DefaultGradientPoints)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Where((p, i) => p.Index != i).Any())
            throw new ArgumentException("Pair p must stand at position p.", nameof(pairs));
        return new RestrictedSpaceResult(width, radius, gradientPoints, seed, pairs,
            RatioSummary.Of(pairs.Select(r => r.UnrestrictedRatio)), RatioSummary.Of(pairs.Select(r => r.RestrictedRatio)));
    }

    /// <summary>The ratio a pair reports: distance / realisation^{1/2}, null when the realisation distance is 0 (infinite).</summary>
    public static double? Ratio(double distance, double realisation) => realisation > 0 ? distance / Math.Sqrt(realisation) : null;

    private static RestrictedSpacePair Measure(int index, int width, ulong seed, double radius, PointSet points, double tolerance)
    {
        var rng = new CounterRng(seed, (ulong)index);
        bool planted = index % 2 == 1;
        var (w, b, c) = (Normals(ref rng, width), Normals(ref rng, width), Normals(ref rng, width));
        double e = rng.NextNormalDouble();
        double sigma = Math.Pow(10, -6 * rng.NextDouble());
        var (w2, b2, c2) = (Perturbed(ref rng, w, sigma), Perturbed(ref rng, b, sigma), Perturbed(ref rng, c, sigma));
        double e2 = e + sigma * rng.NextNormalDouble();
        if (planted)
        {
            // Only neuron 0 differs: moving the other kinks by σ would already cost O(1) in W^{1,∞} (slivers of width σ
            // with a gradient jump |c|·|w|) and hide the planted degeneracy.
            w2 = (double[])w.Clone();
            b2 = (double[])b.Clone();
            c2 = (double[])c.Clone();
            e2 = e;
            c[0] = 0;
            c2[0] = sigma * rng.NextNormalDouble();
            (w2[0], b2[0]) = (-w[0], -b[0]);
        }
        var (gamma0, phi0) = (Shallow(w, b, c, e), Shallow(w2, b2, c2, e2));
        double distanceP = ParameterDistance.UpToSymmetries(phi0, gamma0).Distance;
        double realisationP = RealisationDistance.Exact(phi0, gamma0, radius).SobolevNorm;

        var (gamma, phi) = (BiasAugmentation.Augment(gamma0, tolerance), BiasAugmentation.Augment(phi0, tolerance));
        double distanceQ = PermutationDistance.Compute(phi, gamma);
        double onLine = RealisationDistance.Exact(BiasAugmentation.RestrictToAugmentedInputs(phi), BiasAugmentation.RestrictToAugmentedInputs(gamma), radius).SobolevNorm;
        double realisationQ = Math.Max(onLine, RealisationDistance.Sampled(phi, gamma, points).SobolevSemiNorm);
        return new RestrictedSpacePair(index, planted, sigma, distanceP, realisationP, Ratio(distanceP, realisationP),
            distanceQ, realisationQ, Ratio(distanceQ, realisationQ));
    }

    private static double[] Normals(ref CounterRng rng, int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
            values[i] = rng.NextNormalDouble();
        return values;
    }

    private static double[] Perturbed(ref CounterRng rng, double[] values, double sigma)
    {
        var perturbed = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            perturbed[i] = values[i] + sigma * rng.NextNormalDouble();
        return perturbed;
    }

    private static LayeredNetwork Shallow(double[] w, double[] b, double[] c, double outputBias) =>
        new([new DenseLayer(1, w.Length, w, b), new DenseLayer(w.Length, 1, c, [outputBias])]);
}
