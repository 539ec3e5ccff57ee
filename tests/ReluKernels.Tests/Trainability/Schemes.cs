namespace ReluKernels.Tests.Trainability;

/// <summary>The per-layer initialisations of Shin &amp; Karniadakis (2020) (eqs. 2 and 3), as the simulation draws them.</summary>
internal static class Schemes
{
    /// <summary>"Unit hypersphere" without bias.</summary>
    public static LayerInitializer SphereNoBias => HypersphereInitializer.WithoutBias;

    /// <summary>"Unit hypersphere" with bias.</summary>
    public static LayerInitializer SphereBias => HypersphereInitializer.WithBias;

    /// <summary>"Normal" without bias (He).</summary>
    public static LayerInitializer NormalNoBias => NormalInitializer.HeWithoutBias;

    /// <summary>"Normal" with bias, W and b of equal variance (He with bias, [W, b] ~ N(0, 2/(fan_in + 1))).</summary>
    public static LayerInitializer NormalBias => NormalInitializer.HeWithBias;

    /// <summary>The same initializer for <paramref name="layers"/> layers.</summary>
    public static LayerInitializer[] All(LayerInitializer initializer, int layers) => Enumerable.Repeat(initializer, layers).ToArray();

    /// <summary>One initializer for layer 1, another for the rest.</summary>
    public static LayerInitializer[] FirstThen(LayerInitializer first, LayerInitializer rest, int layers) =>
        [first, .. Enumerable.Repeat(rest, layers - 1)];
}
