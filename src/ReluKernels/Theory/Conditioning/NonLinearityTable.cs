using MathNet.Numerics;
using ReluKernels.Activations;

namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// The closed forms of μ (of the normalised activation) that Agarwal, Awasthi &amp; Kale (2021) give in App. C.4, via
/// μ = 1 − σ̂′(0)/(σ̂(1) − σ̂(0)) on Daniely et al.'s duals, and for NormReLU_b via Stein's lemma. <b>EXACT</b>.
/// </summary>
public static class NonLinearityTable
{
    /// <summary>Whether the activation is one of the rows of the paper's App. C.4 table (identity, 2nd Hermite, ReLU, step, exponential).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
    public static bool InPaperTable(ScalarActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return activation is Relu or Sign or Exponential or Hermite { Degree: 1 or 2 };
    }

    /// <summary>
    /// μ in closed form where the paper gives one: identity 0, 2nd Hermite 1, ReLU (π − 2)/(2(π − 1)), step
    /// 1 − 2/π, exponential (e − 2)/(e − 1), and NormReLU_b 1 − λ_b²(1 − Φ(b))²; also h_k (μ = 1 for k ≥ 2) and
    /// normalised ReLU. Null for the others, whose μ is only computed.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
    public static double? ClosedForm(ScalarActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return activation switch
        {
            Hermite h => h.Degree == 1 ? 0 : 1,
            Relu or NormalisedRelu => (Math.PI - 2) / (2 * (Math.PI - 1)),
            Sign => 1 - 2 / Math.PI,
            Exponential => (Math.E - 2) / (Math.E - 1),
            NormRelu n => 1 - Math.Pow(n.Factor * 0.5 * SpecialFunctions.Erfc(n.Kink / Math.Sqrt(2)), 2),
            _ => null,
        };
    }
}
