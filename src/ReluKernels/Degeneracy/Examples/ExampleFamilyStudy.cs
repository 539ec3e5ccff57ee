namespace ReluKernels.Degeneracy.Examples;

/// <summary>Measures an <see cref="ExampleFamily"/> step by step: exact realisation distances and the parameter distance up to symmetries.</summary>
public static class ExampleFamilyStudy
{
    /// <summary>The largest number of steps (n = 2^k overflows the exact 1-D analysis's resolution far before ε does underflow).</summary>
    public const int MaxSteps = 12;

    /// <summary>Steps 0..<paramref name="steps"/> − 1 of <paramref name="family"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is not in 1..<see cref="MaxSteps"/>.</exception>
    public static IReadOnlyList<ExampleFamilyPoint> Measure(ExampleFamily family, int steps)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (steps < 1 || steps > MaxSteps)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be in 1..{MaxSteps}.");
        var points = new ExampleFamilyPoint[steps];
        for (int k = 0; k < steps; k++)
        {
            double parameter = family.ParameterAt(k);
            var pair = family.Build(parameter);
            var realisation = RealisationDistance.Exact(pair.Theta, pair.Gamma, family.Radius);
            double distance = ParameterDistance.UpToSymmetries(pair.Theta, pair.Gamma).Distance;
            points[k] = new ExampleFamilyPoint(family.Id, family.Name, family.ParameterName, parameter, realisation.Uniform,
                realisation.SobolevSemiNorm, distance, distance / Math.Sqrt(realisation.Uniform), distance / Math.Sqrt(realisation.SobolevNorm));
        }
        return points;
    }
}
