using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;

namespace ReluKernels.Cli.Merge;

/// <summary>
/// Merges the shard files of one command (<see cref="Command"/>): loads and verifies them, checks that they are the complete
/// set of one run (<see cref="ShardSet"/>), and writes the outputs an unsharded run writes, byte for byte. Registered in
/// <see cref="ShardMergers"/>.
/// </summary>
public interface IShardMerger
{
    /// <summary>The command whose shard files this merges (the <c>command</c> field of the state file).</summary>
    string Command { get; }

    /// <summary>Merges <paramref name="paths"/> and writes the results as <paramref name="output"/> says.</summary>
    /// <exception cref="UsageException">A file is foreign, tampered, unfinished, repeated or missing (one line naming it).</exception>
    void Merge(IReadOnlyList<string> paths, MergeOutput output);
}

/// <summary>Where and how a merge writes its results (the options of <c>relukernels merge</c>).</summary>
/// <param name="OutDirectory">The <c>--out</c> directory.</param>
/// <param name="Format">What standard output carries.</param>
/// <param name="Figures">How plots are written; null when they are skipped (<c>--no-plot</c>).</param>
public sealed record MergeOutput(string OutDirectory, OutputFormat Format, FigureFiles? Figures)
{
    /// <summary>The provenance inputs of the merged shards: each file with its SHA-256 and its own provenance.</summary>
    public static IReadOnlyList<ProvenanceInput> Inputs<TConfig, TRun>(IEnumerable<State.LoadedState<TConfig, TRun>> shards) =>
        [.. shards.Select(s => new ProvenanceInput(s.Path, ProvenanceSidecar.Sha256Of(s.Path), s.Provenance))];
}
