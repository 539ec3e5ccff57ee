namespace ReluKernels.Degeneracy.Examples;

/// <summary>
/// Illustrative families for Examples 2.1–2.5 of Berner, Elbrächter &amp; Grohs (2019). The paper's concrete vectors were
/// lost from the copy available to us, so every family here is ours: one hidden layer, 1-D input (with biases, except
/// 2.2) so that realisation distances are exact, and each built to show its example's mechanism. Neurons are balanced
/// (|c| = ‖a‖_∞) except where unbalancedness is the point. The parameter distance measured is to the symmetry orbit of
/// one parametrisation Θ of g, an upper bound of the paper's distance to every parametrisation of g: that it does not
/// tend to 0 illustrates, but does not prove, the paper's lower bounds.
/// </summary>
public static class ExampleFamilies
{
    /// <summary>
    /// Example 2.1, failure in the uniform norm through an exploding gradient: Γ = 0 (all parameters zero, width 2),
    /// g_n = (1/n)(ρ(n²x) − ρ(n²x − 1)), a ramp of height 1/n and slope n. ‖g_n‖_∞ = 1/n → 0 but a neuron with
    /// |c|·‖a‖_∞ = n needs a parameter ≥ √n; the W^{1,∞} distance n grows too, so the Sobolev ratio stays bounded.
    /// </summary>
    public static ExampleFamily ExplodingGradient { get; } = new("2.1", "exploding-gradient",
        "a ramp of height 1/n and slope n: uniformly small, but |c|·|a| = n forces a parameter ≥ √n", "n", 1,
        k => Math.Pow(2, k),
        n => new ExamplePair(
            ShallowNeuron.Network([new([0], 0, 0), new([0], 0, 0)], bias: true),
            ShallowNeuron.Network([ShallowNeuron.Balanced([n * n], 0, +1, 1 / n), ShallowNeuron.Balanced([n * n], -1, -1, 1 / n)], bias: true)),
        DivergesInSobolevNorm: false);

    /// <summary>
    /// Example 2.2, complete unbalancedness: Γ = (a = −1, c = 0) realises 0 whatever a is; g_ε = ε·ρ(x) is ε-close, and
    /// every parametrisation (√ε·λ, √ε/λ) of it has a &gt; 0, so |a − (−1)| &gt; 1. Bias-free.
    /// </summary>
    public static ExampleFamily CompleteUnbalancedness { get; } = new("2.2", "complete-unbalancedness",
        "c = 0 makes a free: Γ's a = −1 points away from every parametrisation of ε·ρ(x)", "ε", 1,
        k => Math.Pow(10, -(k + 1)),
        e => new ExamplePair(
            ShallowNeuron.Network([new([-1], 0, 0)], bias: false),
            ShallowNeuron.Network([ShallowNeuron.Balanced([1], 0, +1, e)], bias: false)),
        DivergesInSobolevNorm: true);

    /// <summary>
    /// Example 2.3, redundant directions: Γ spends both neurons on the direction of ρ(x) (½ρ(x) twice); g_ε = ρ(x) + ε·ρ(x − ½)
    /// needs a kink at ½ that neither of Γ's neurons can reach by a small move.
    /// </summary>
    public static ExampleFamily RedundantDirections { get; } = new("2.3", "redundant-directions",
        "two neurons on one direction leave none for the new kink of g_ε = ρ(x) + ε·ρ(x − 1/2)", "ε", 1,
        k => Math.Pow(10, -(k + 1)),
        e => new ExamplePair(
            ShallowNeuron.Network([ShallowNeuron.Balanced([1], 0, +1, 0.5), ShallowNeuron.Balanced([1], 0, +1, 0.5)], bias: true),
            ShallowNeuron.Network([ShallowNeuron.Balanced([1], 0, +1, 1), ShallowNeuron.Balanced([1], -0.5, +1, e)], bias: true)),
        DivergesInSobolevNorm: true);

    /// <summary>
    /// Example 2.4, opposite weight vectors (1): with v_1 = (1, 1), v_2 = (1, −1), v_3 = (−2, 0) (pairwise independent,
    /// sum 0; a = (w, b) on inputs (x, 1)), Γ = Σ_i [ρ(⟨v_i, ·⟩) − ρ(⟨−v_i, ·⟩)] is a balanced, non-redundant
    /// parametrisation of 0 with every neuron of size 1. g_ε = ε·ρ(x − ½) is in a new direction; Θ_ε realises it with one
    /// neuron and five zero ones. On [−2, 2], so that every kink lies inside.
    /// </summary>
    public static ExampleFamily OppositeVectors1 { get; } = new("2.4", "opposite-vectors-1",
        "three opposite pairs realise 0 with neurons of size 1; the new direction of ε·ρ(x − 1/2) must break them up", "ε", 2,
        k => Math.Pow(10, -(k + 1)),
        e => new ExamplePair(
            ShallowNeuron.Network([.. OppositeDirections(0).SelectMany(v => new[] {
                ShallowNeuron.Balanced([v.W], v.B, +1), ShallowNeuron.Balanced([-v.W], -v.B, -1) })], bias: true),
            ShallowNeuron.Network([ShallowNeuron.Balanced([1], -0.5, +1, e), .. Enumerable.Repeat(new ShallowNeuron([0], 0, 0), 5)], bias: true)),
        DivergesInSobolevNorm: true);

    /// <summary>
    /// Example 2.5, opposite weight vectors (2): Γ has neurons ρ(⟨v_i, ·⟩) and Θ_ε neurons ρ(⟨−v_i, ·⟩) with v_1 = (1, 1),
    /// v_2 = (1, −1), v_3 = (−2 + ε, 0): neither has an opposite pair of its own, but Γ's vectors are exactly opposite to
    /// Θ's, so R(Γ) − R(Θ_ε) = ⟨Σ v_i, (x, 1)⟩ = ε·x is small while no positive rescaling turns a vector around. On [−2, 2].
    /// </summary>
    public static ExampleFamily OppositeVectors2 { get; } = new("2.5", "opposite-vectors-2",
        "Γ's vectors are exactly opposite to Θ's and add to (ε, 0): the functions differ by ε·x", "ε", 2,
        k => Math.Pow(10, -(k + 1)),
        e => new ExamplePair(
            ShallowNeuron.Network([.. OppositeDirections(e).Select(v => ShallowNeuron.Balanced([v.W], v.B, +1))], bias: true),
            ShallowNeuron.Network([.. OppositeDirections(e).Select(v => ShallowNeuron.Balanced([-v.W], -v.B, +1))], bias: true)),
        DivergesInSobolevNorm: true);

    /// <summary>The five families in the paper's order.</summary>
    public static IReadOnlyList<ExampleFamily> All { get; } =
        [ExplodingGradient, CompleteUnbalancedness, RedundantDirections, OppositeVectors1, OppositeVectors2];

    /// <summary>v_1 = (1, 1), v_2 = (1, −1), v_3 = (−2 + ε, 0) as (w, b): pairwise independent, kinks at −1, 1 and 0, sum (ε, 0).</summary>
    private static (double W, double B)[] OppositeDirections(double epsilon) => [(1, 1), (1, -1), (-2 + epsilon, 0)];
}
