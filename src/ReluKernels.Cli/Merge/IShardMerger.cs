using ReluKernels.Cli.Output;

namespace ReluKernels.Cli.Merge;

/// <summary>Merges the shard files of one command into the outputs of its unsharded run (<c>relukernels merge</c> picks it by the files' command).</summary>
public interface IShardMerger
{
    /// <summary>The command whose shard files this merges, as state files name it.</summary>
    string Command { get; }

    /// <summary>Verifies <paramref name="paths"/> as the complete shard set of one run and writes its outputs.</summary>
    /// <exception cref="UsageException">A file is unreadable, foreign, tampered, repeated, unfinished or missing (one line naming it).</exception>
    void Merge(IReadOnlyList<string> paths, string outDirectory, OutputFormat format, bool noPlot);
}
