namespace ReluKernels.Degeneracy.Examples;

/// <summary>One random pair of <see cref="RestrictedSpaceStudy"/>, measured in the unrestricted space P and after projection onto Q.</summary>
/// <param name="Index">The pair's index, also its CounterRng stream.</param>
/// <param name="Planted">Whether Γ₀ carries Example 2.2's degeneracy (a neuron with c = 0, whose incoming vector Φ₀ turns around; Φ₀ equals Γ₀ elsewhere).</param>
/// <param name="Sigma">The size of Φ₀ − Γ₀ (apart from the planted turn), 10^−6u with u uniform.</param>
/// <param name="UnrestrictedDistance">inf over permutations and positive rescalings of |Φ₀ − Γ₀|_∞.</param>
/// <param name="UnrestrictedRealisation">‖R(Φ₀) − R(Γ₀)‖_{W^{1,∞}} on [−r, r], exact.</param>
/// <param name="UnrestrictedRatio">UnrestrictedDistance / UnrestrictedRealisation^{1/2}; null when the realisations agree on the domain (a dead planted neuron), where it is infinite.</param>
/// <param name="RestrictedDistance">min over permutations of |Φ − Γ|_∞ for the augmented Γ, Φ ∈ Q (rescalings would leave Q).</param>
/// <param name="RestrictedRealisation">A lower estimate of |R(Φ) − R(Γ)|_{W^{1,∞}} on R^{d+2}: the larger of the sampled gradient difference and the exact W^{1,∞} norm on the line (x, 1, −1).</param>
/// <param name="RestrictedRatio">RestrictedDistance / RestrictedRealisation^{1/2}, an upper estimate; null when the estimated realisation distance is 0.</param>
public sealed record RestrictedSpacePair(int Index, bool Planted, double Sigma, double UnrestrictedDistance, double UnrestrictedRealisation,
    double? UnrestrictedRatio, double RestrictedDistance, double RestrictedRealisation, double? RestrictedRatio);
