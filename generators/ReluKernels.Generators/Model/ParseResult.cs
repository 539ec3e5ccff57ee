namespace ReluKernels.Generators.Model;

/// <summary>What parsing one annotated type produced: a spec to emit (null when the declaration is invalid) and diagnostics.</summary>
internal sealed record ParseResult(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
