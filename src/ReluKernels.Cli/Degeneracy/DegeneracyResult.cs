using ReluKernels.Degeneracy.Examples;

namespace ReluKernels.Cli.Degeneracy;

/// <summary>What <c>degeneracy</c> writes as JSON: the families' members and the restricted-space study.</summary>
/// <param name="Families">Every measured member of every example family, in the paper's order.</param>
/// <param name="RestrictedSpace">The ratio study over random pairs in P and Q.</param>
public sealed record DegeneracyResult(IReadOnlyList<ExampleFamilyPoint> Families, RestrictedSpaceResult RestrictedSpace);
