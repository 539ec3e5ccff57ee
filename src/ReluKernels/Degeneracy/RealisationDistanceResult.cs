namespace ReluKernels.Degeneracy;

/// <summary>The distance between two realisations on a domain; see <see cref="RealisationDistance"/>.</summary>
/// <param name="Uniform">‖f − g‖_{L^∞}: the largest |f(x) − g(x)| over outputs and the domain.</param>
/// <param name="SobolevSemiNorm">|f − g|_{W^{1,∞}} = ess sup |∇(f − g)(x)|_∞, the largest partial derivative over outputs.</param>
/// <param name="IsExact">True for the piecewise-linear computation (1-D input); false for a sampled estimate (a lower bound).</param>
/// <param name="Domain">The interval, or the point set the estimate was taken on.</param>
public sealed record RealisationDistanceResult(double Uniform, double SobolevSemiNorm, bool IsExact, string Domain)
{
    /// <summary>The Sobolev norm ‖f − g‖_{W^{1,∞}} = max(uniform, semi-norm).</summary>
    public double SobolevNorm => Math.Max(Uniform, SobolevSemiNorm);
}
