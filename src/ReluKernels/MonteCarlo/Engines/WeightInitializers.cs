namespace ReluKernels.MonteCarlo.Engines;

/// <summary>The <see cref="LayerInitializer"/> that draws the weights of each <see cref="WeightDistribution"/> at full scale.</summary>
internal static class WeightInitializers
{
    private static readonly OrthogonalInitializer OrthogonalHe = new(Math.Sqrt(2));

    public static LayerInitializer For(WeightDistribution distribution) => distribution switch
    {
        WeightDistribution.HeNormal => NormalInitializer.HeWithoutBias,
        WeightDistribution.SymmetricUniform => UniformInitializer.HeUniform,
        WeightDistribution.Orthogonal => OrthogonalHe,
        WeightDistribution.Rai => RandomizedAsymmetricInitializer.Default,
        _ => throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "Unknown weight distribution."),
    };
}
