namespace ReluKernels.Degeneracy.Examples;

/// <summary>
/// An illustrative family after one of Examples 2.1–2.5 of Berner, Elbrächter &amp; Grohs (2019): a sequence of pairs
/// (Γ, Θ) indexed by n → ∞ or ε → 0 along which R(Θ) → R(Γ) while Θ stays away from Γ up to symmetries. The paper's
/// concrete vectors were not recoverable; each family is ours and shows the named mechanism (docs/theory/degeneracy.md).
/// </summary>
/// <param name="Id">The example's name, e.g. <c>2.3</c>.</param>
/// <param name="Name">A short name, e.g. <c>redundant-directions</c>.</param>
/// <param name="Mechanism">One sentence: what makes the parameters stay apart.</param>
/// <param name="ParameterName"><c>n</c> (growing) or <c>ε</c> (shrinking).</param>
/// <param name="Radius">The domain [−r, r] of the 1-D input on which the realisation distance is computed exactly.</param>
/// <param name="ParameterAt">The family parameter at step k = 0, 1, …: n = 2^k or ε = 10^−(k+1).</param>
/// <param name="Build">The pair at a parameter value.</param>
/// <param name="DivergesInSobolevNorm">Whether the ratio diverges in the W^{1,∞} norm too (all but Example 2.1, whose gradients explode).</param>
public sealed record ExampleFamily(string Id, string Name, string Mechanism, string ParameterName, double Radius,
    Func<int, double> ParameterAt, Func<double, ExamplePair> Build, bool DivergesInSobolevNorm);
