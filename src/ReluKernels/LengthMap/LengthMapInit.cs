namespace ReluKernels.LengthMap;

/// <summary>The three symmetric weight initialisers Lu, Su &amp; Karniadakis (2019) compare; biases are drawn apart (N(0, σ_b²)).</summary>
public enum LengthMapInit
{
    /// <summary>He normal (He et al. 2015): W ~ N(0, 2/fan_in), σ_w² = 2.</summary>
    He = 0,

    /// <summary>LeCun normal (LeCun et al. 1998): W ~ N(0, 1/fan_in), σ_w² = 1.</summary>
    LeCun = 1,

    /// <summary>Glorot uniform (Glorot &amp; Bengio 2010): W ~ U(±√(6/(fan_in + fan_out))), σ_w² = 2 fan_in/(fan_in + fan_out).</summary>
    Glorot = 2,
}

/// <summary>What each <see cref="LengthMapInit"/> means in weights and in the length map's σ_w².</summary>
public static class LengthMapInits
{
    /// <summary>Every initialiser, in table order.</summary>
    public static IReadOnlyList<LengthMapInit> All { get; } = [LengthMapInit.He, LengthMapInit.LeCun, LengthMapInit.Glorot];

    /// <summary>The weight initialiser (bias-free: the simulation draws biases itself, so all three take the same σ_b).</summary>
    public static LayerInitializer Weights(LengthMapInit init) => init switch
    {
        LengthMapInit.He => NormalInitializer.HeWithoutBias,
        LengthMapInit.LeCun => NormalInitializer.LeCun,
        LengthMapInit.Glorot => UniformInitializer.Glorot,
        _ => throw new ArgumentOutOfRangeException(nameof(init), init, "Unknown initialiser."),
    };

    /// <summary>σ_w² = fan_in · Var(W) of a layer with <paramref name="fanIn"/> inputs and <paramref name="fanOut"/> outputs.</summary>
    public static double WeightVariance(LengthMapInit init, int fanIn, int fanOut) => init switch
    {
        LengthMapInit.He => 2,
        LengthMapInit.LeCun => 1,
        LengthMapInit.Glorot => 2.0 * fanIn / (fanIn + fanOut),
        _ => throw new ArgumentOutOfRangeException(nameof(init), init, "Unknown initialiser."),
    };
}
