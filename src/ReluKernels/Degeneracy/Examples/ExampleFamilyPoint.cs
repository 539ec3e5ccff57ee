namespace ReluKernels.Degeneracy.Examples;

/// <summary>One measured member of an <see cref="ExampleFamily"/>.</summary>
/// <param name="Example">The example's id, e.g. <c>2.3</c>.</param>
/// <param name="Name">The family's short name.</param>
/// <param name="ParameterName"><c>n</c> or <c>ε</c>.</param>
/// <param name="Parameter">The value of n or ε.</param>
/// <param name="Uniform">‖R(Θ) − R(Γ)‖_∞ on [−r, r], exact.</param>
/// <param name="SobolevSemiNorm">|R(Θ) − R(Γ)|_{W^{1,∞}} on [−r, r], exact.</param>
/// <param name="ParameterDistance">inf over permutations and positive rescalings of Θ of |Θ′ − Γ|_∞.</param>
/// <param name="RatioUniform">ParameterDistance / Uniform^{1/2}.</param>
/// <param name="RatioSobolev">ParameterDistance / max(Uniform, SobolevSemiNorm)^{1/2}: the W^{1,∞} norm.</param>
public sealed record ExampleFamilyPoint(string Example, string Name, string ParameterName, double Parameter, double Uniform,
    double SobolevSemiNorm, double ParameterDistance, double RatioUniform, double RatioSobolev);
