using ReluKernels.Cli.Output;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.State;

/// <summary>
/// What a shard run (<c>--shard k/n</c>) writes: only its state file <c>{command}.shard-k-of-n.json</c> in <c>--out</c>,
/// so array tasks sharing one directory never overwrite each other's results and nothing partial can be mistaken for the
/// answer; standard output names the file and the merge command.
/// </summary>
public static class ShardResult
{
    /// <summary>The name of <paramref name="command"/>'s shard file for <paramref name="shard"/>.</summary>
    public static string FileName(string command, Shard shard) => $"{command}.shard-{shard.Index}-of-{shard.Count}.json";

    /// <summary>Writes the shard file of <paramref name="payload"/> into <paramref name="outDirectory"/> and says how to merge.</summary>
    public static void Write<TConfig, TPayload>(string outDirectory, TConfig config, Shard shard, TPayload payload) where TConfig : class, IRunConfig<TConfig>
    {
        ArgumentNullException.ThrowIfNull(config);
        Write(outDirectory, TConfig.Command, config.ToArguments(), shard, payload);
    }

    /// <summary>Writes <paramref name="command"/>'s shard file of <paramref name="payload"/>, made with <paramref name="arguments"/>, and says how to merge.</summary>
    public static void Write<TPayload>(string outDirectory, string command, IReadOnlyDictionary<string, string> arguments, Shard shard, TPayload payload)
    {
        string path = Path.Combine(outDirectory, FileName(command, shard));
        StateFile.Save(path, command, arguments, new StateShard(shard.Index, shard.Count), payload);
        Console.Out.WriteLine($"Wrote {path} (shard {shard}: a part of the run, no result until merged).");
        Console.Out.WriteLine($"When all {shard.Count} shards are done: relukernels merge " +
            $"{Provenance.Quote(Path.Combine(outDirectory, $"{command}.shard-"))}*{Provenance.Quote($"-of-{shard.Count}.json")} --out DIR");
    }
}
