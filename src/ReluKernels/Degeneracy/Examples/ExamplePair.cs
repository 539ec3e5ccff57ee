namespace ReluKernels.Degeneracy.Examples;

/// <summary>One member of an example family: the fixed parametrisation Γ and a parametrisation Θ of the nearby realisation g.</summary>
/// <param name="Gamma">Γ, the parametrisation inverse stability is asked at.</param>
/// <param name="Theta">Θ with R(Θ) = g, a realisation close to R(Γ).</param>
public sealed record ExamplePair(LayeredNetwork Gamma, LayeredNetwork Theta);
