using ReluKernels.Cli.Output;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.State;

/// <summary>A loaded and verified state file: its envelope's arguments, typed, and its runs, each consistent with them and its shard.</summary>
/// <typeparam name="TConfig">The command's config.</typeparam>
/// <typeparam name="TRun">One run of the command (one per width, scheme, …).</typeparam>
/// <param name="Path">Where it was read.</param>
/// <param name="Arguments">Its canonical arguments.</param>
/// <param name="Config">The same, typed.</param>
/// <param name="Shard">The shard it counts.</param>
/// <param name="Runs">The runs, in the order of the config's experiments.</param>
/// <param name="Complete">Whether every run finished.</param>
/// <param name="Provenance">How it was made.</param>
public sealed record LoadedState<TConfig, TRun>(string Path, IReadOnlyDictionary<string, string> Arguments, TConfig Config, Shard Shard,
    IReadOnlyList<TRun> Runs, bool Complete, Provenance Provenance);
