namespace ReluKernels.Conditioning;

/// <summary>
/// One depth of a conditioning run: the infinite-width theory (K^(L), Θ^(L)) beside the finite-width simulation, each
/// simulated quantity a mean over networks with a 95% interval.
/// </summary>
/// <param name="Depth">Hidden layers L.</param>
/// <param name="TheoryMaxCorrelation">max_{i≠j} |K^(L)ᵢⱼ| (K has unit diagonal).</param>
/// <param name="TheoryConditionNumber">κ(K^(L)); null when K^(L) is numerically singular.</param>
/// <param name="TheoryNtkConditionNumber">κ(Θ^(L)); null where the NTK does not exist (sign) or is singular.</param>
/// <param name="MaxCorrelation">Per network max_{i≠j} |K̂ᵢⱼ|/√(K̂ᵢᵢK̂ⱼⱼ).</param>
/// <param name="ConditionNumber">Per network κ(K̂^(L)), over the networks where K̂ is non-singular.</param>
/// <param name="SingularNetworks">Networks whose K̂^(L) was numerically singular (left out of <paramref name="ConditionNumber"/>).</param>
/// <param name="KernelError">Per network root-mean-square of K̂ᵢⱼ − Kᵢⱼ over all entries: the width-convergence measure.</param>
/// <param name="NtkConditionNumber">Per network κ(Θ̂^(L)); null when the NTK was not simulated.</param>
/// <param name="MeanKernel">Mean of K̂^(L) over networks, n × n.</param>
/// <param name="KernelStandardError">Standard error of each entry of <paramref name="MeanKernel"/>.</param>
/// <param name="TheoryKernel">K^(L), n × n.</param>
/// <param name="MeanNtk">Mean of Θ̂^(L) over networks; null when the NTK was not simulated.</param>
/// <param name="NtkStandardError">Standard error of each entry of <paramref name="MeanNtk"/>.</param>
/// <param name="TheoryNtk">Θ^(L); null where it does not exist.</param>
public sealed record ConditioningDepth(int Depth, double TheoryMaxCorrelation, double? TheoryConditionNumber, double? TheoryNtkConditionNumber,
    Estimate? MaxCorrelation, Estimate? ConditionNumber, int SingularNetworks, Estimate? KernelError, Estimate? NtkConditionNumber,
    double[][] MeanKernel, double[][] KernelStandardError, double[][] TheoryKernel, double[][]? MeanNtk, double[][]? NtkStandardError, double[][]? TheoryNtk);
