using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Figures;

/// <summary>How one shard of <c>relukernels figures --shard k/n</c> took part in a catalogue entry.</summary>
public enum FigureShardPart
{
    /// <summary>It ran shard k/n of the entry's command, which wrote its shard file (<see cref="FigureShardEntry.ShardFile"/>).</summary>
    Sharded,

    /// <summary>The entry's command does not shard (it is deterministic, e.g. <c>activations</c>): shard 0 ran it whole.</summary>
    Whole,

    /// <summary>Shard 0 runs this entry whole; this shard (k &gt; 0) did nothing for it.</summary>
    InShardZero,

    /// <summary>No command reproduces the entry.</summary>
    NotReproduced,
}

/// <summary>One catalogue entry of a <c>figures.shard-k-of-n.json</c> manifest.</summary>
/// <param name="Key">The entry's <see cref="FigureEntry.Key"/>.</param>
/// <param name="Part">What this shard did for it.</param>
/// <param name="ExitCode">Its command's exit code (0 when it ran nothing).</param>
/// <param name="Message">The command's error line when it failed, else null.</param>
/// <param name="ShardFile">
/// When <see cref="FigureShardPart.Sharded"/> and successful, its command's shard file, relative to the manifest's directory
/// with '/' separators (e.g. <c>lu-2019/fig-6b/safe-depth.shard-0-of-2.json</c>); else null.
/// </param>
public sealed record FigureShardEntry(string Key, FigureShardPart Part, int ExitCode, string? Message, string? ShardFile);

/// <summary>
/// The payload of <c>figures.shard-k-of-n.json</c>: what one shard of <c>relukernels figures</c> did for each catalogue entry,
/// in catalogue order. Written only when every entry was processed (an interrupted shard writes none), so a manifest is
/// always complete.
/// </summary>
/// <param name="Entries">One per entry of the run's catalogue, in its order.</param>
public sealed record FigureShardManifest(IReadOnlyList<FigureShardEntry> Entries)
{
    /// <summary>
    /// The shard file that shard <paramref name="shard"/> of an entry's command wrote into <paramref name="directory"/>: named
    /// <c>{kind}.shard-k-of-n.json</c> after its command, or after what it ran (<c>compositional-regions</c>), so found by pattern.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is none, or more than one.</exception>
    public static string ShardFileIn(string directory, Shard shard)
    {
        var files = Directory.GetFiles(directory, $"*.shard-{shard.Index}-of-{shard.Count}.json");
        return files.Length == 1 ? files[0]
            : throw new InvalidOperationException($"'{directory}' holds {files.Length} files of shard {shard}; its command writes one.");
    }
}
