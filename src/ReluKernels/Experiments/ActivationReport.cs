using ReluKernels.Activations;
using ReluKernels.Theory.Conditioning;

namespace ReluKernels.Experiments;

/// <summary>
/// One row of <c>relukernels activations</c>: an activation's Gaussian moments and normalising constants, the
/// coefficient of non-linearity μ of its normalised version (computed, and in closed form where the paper has one) and
/// that version's dual σ̂ at a few correlations (Agarwal, Awasthi &amp; Kale 2021, Definition 3.1, App. C.4).
/// </summary>
/// <param name="Activation">Name with parameters, e.g. <c>leaky-relu(slope=0.01)</c>.</param>
/// <param name="Mean">E σ(X), X ~ N(0, 1).</param>
/// <param name="SecondMoment">E σ(X)².</param>
/// <param name="Shift">The normalising shift (E σ(X)).</param>
/// <param name="Factor">The normalising factor (1/√Var σ(X)).</param>
/// <param name="NonLinearity">μ of the normalised activation, by quadrature.</param>
/// <param name="ClosedFormNonLinearity">μ in closed form, where one is known; otherwise null.</param>
/// <param name="InPaperTable">Whether the paper's App. C.4 table has this row.</param>
/// <param name="DualClosedForm">Whether the dual values are closed forms (else quadrature).</param>
/// <param name="Correlations">The ρ at which σ̂ is given.</param>
/// <param name="Dual">σ̂(ρ) of the normalised activation at each of <paramref name="Correlations"/>.</param>
public sealed record ActivationReport(string Activation, double Mean, double SecondMoment, double Shift, double Factor, double NonLinearity,
    double? ClosedFormNonLinearity, bool InPaperTable, bool DualClosedForm, IReadOnlyList<double> Correlations, IReadOnlyList<double> Dual)
{
    /// <summary>The correlations the command reports σ̂ at by default (ours).</summary>
    public static IReadOnlyList<double> DefaultCorrelations { get; } = [0, 0.5, 0.9, 0.99];

    /// <summary>Builds the row for <paramref name="activation"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The activation cannot be normalised.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A correlation is outside [−1, 1].</exception>
    public static ActivationReport For(ScalarActivation activation, IReadOnlyList<double> correlations)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(correlations);
        var moments = ActivationMoments.Of(activation);
        // Already-normalised activations keep their own (often closed-form) dual; the rest are normalised by quadrature.
        var normalised = moments.IsNormalised(1e-12) ? activation : new Normalised(activation);
        var dual = new DualActivation(normalised);
        return new(activation.ToString(), moments.Mean, moments.SecondMoment, moments.NormalisingShift, moments.NormalisingFactor,
            moments.NonLinearity, NonLinearityTable.ClosedForm(activation), NonLinearityTable.InPaperTable(activation), dual.IsClosedForm,
            [.. correlations], [.. correlations.Select(dual.Value)]);
    }
}
