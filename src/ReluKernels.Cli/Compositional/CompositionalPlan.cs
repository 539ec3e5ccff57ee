using ReluKernels.Experiments.Compositional;

namespace ReluKernels.Cli.Compositional;

/// <summary>What a <c>compositional</c> training run does, and the canonical arguments its models depend on.</summary>
/// <param name="Setup">The experiment's setup.</param>
/// <param name="Arguments">Canonical option name → value, a valid command line (merge re-parses it).</param>
public sealed record CompositionalPlan(CompositionalSetup Setup, IReadOnlyDictionary<string, string> Arguments);
