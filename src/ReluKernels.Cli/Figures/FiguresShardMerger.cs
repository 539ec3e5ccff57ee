using System.Globalization;
using ReluKernels.Cli.Merge;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Figures;

/// <summary>
/// Merges <c>figures.shard-k-of-n.json</c> manifests: checks that they are the shards of one <c>figures</c> run, that every
/// entry succeeded in every shard and that every entry's shard file is there, then merges each entry's shard files with that
/// command's own merger (<c>relukernels merge</c>, in process, through <see cref="FigureRunner.Merge"/>) into
/// <c>{out}/{paper}/{id}/</c>, brings the entries shard 0 ran whole, and writes <c>index.html</c>: the files of an unsharded
/// run, byte for byte (provenance and captured standard output aside).
/// </summary>
public sealed class FiguresShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => FiguresCommand.Name;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        var loaded = paths.Distinct().ToDictionary(p => p, Load);
        // The scale first: a --paper shard among --quick ones is named as such, not as an argument difference.
        var first = loaded[paths[0]];
        foreach (string path in paths.Where(p => loaded[p].Config.Scale != first.Config.Scale).Take(1))
            throw new UsageException($"'{path}' is a {loaded[path].Config.ScaleOption} shard and '{first.Path}' a {first.Config.ScaleOption} one; merge the shards of one figures run");
        var shards = ShardSet.Load(paths, p => loaded[p]).OrderBy(s => s.Shard.Index).ToArray();
        var run = first.Config;
        RefusePlotsOtherThanTheShards(first.Path, run, output.Figures);
        foreach (var shard in shards)
        {
            foreach (var failed in shard.Runs.Where(e => e.ExitCode != ExitCodes.Success).Take(1))
                throw new UsageException($"'{shard.Path}' records that {failed.Key} failed in shard {shard.Shard} ({failed.Message}); run that shard again");
        }
        // Every entry's shard files before any merge writes: a missing one leaves the output untouched.
        var files = run.Catalogue.Figures.Select((_, i) => shards.Select(s => ShardFile(s, s.Runs[i])).OfType<string>().ToArray()).ToArray();

        var runner = new FigureRunner(run.Forwarded);
        var runs = new List<FigureRun>();
        foreach (var (i, entry) in run.Catalogue.Figures.Index())
        {
            var figure = shards[0].Runs[i].Part switch
            {
                FigureShardPart.Sharded => runner.Merge(entry, run.Scale, files[i], output.OutDirectory),
                FigureShardPart.Whole => Bring(entry, Path.GetDirectoryName(Path.GetFullPath(shards[0].Path))!, output.OutDirectory, runner, run.Scale),
                _ => runner.Run(entry, run.Scale, output.OutDirectory),     // not reproduced: nothing runs
            };
            if (figure.Status == FigureStatus.Failed)
                throw new UsageException($"{entry.Key}: {figure.Message}");
            runs.Add(figure);
        }
        FiguresCommand.Report(run.Catalogue, run.Scale, output.OutDirectory, runs, MergeOutput.Inputs(shards));
    }

    /// <summary>Reads and verifies one manifest against the catalogue of this build.</summary>
    /// <exception cref="UsageException">Unreadable, foreign, modified or inconsistent (one line).</exception>
    public static LoadedState<FigureShardRun, FigureShardEntry> Load(string path)
    {
        var envelope = StateFile.Load<FigureShardManifest>(path, FiguresCommand.Name);
        try
        {
            var run = FigureShardRun.FromArguments(envelope.Arguments);
            var shard = new Shard(envelope.Shard.Index, envelope.Shard.Count);
            Verify(run, shard, envelope.Payload.Entries);
            return new(path, envelope.Arguments, run, shard, envelope.Payload.Entries, true, envelope.Provenance);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"'{path}' is inconsistent: {ex.Message.TrimEnd('.')}");
        }
    }

    // One entry per catalogue entry, in order, each with the part a shard of this index plays in it.
    private static void Verify(FigureShardRun run, Shard shard, IReadOnlyList<FigureShardEntry> entries)
    {
        if (entries.Count != run.Catalogue.Figures.Count)
            throw new ArgumentException($"it lists {entries.Count} entries; its run has {run.Catalogue.Figures.Count}");
        var runner = new FigureRunner([]);
        foreach (var (entry, listed) in run.Catalogue.Figures.Zip(entries))
        {
            if (listed.Key != entry.Key)
                throw new ArgumentException($"it lists {listed.Key} where its run has {entry.Key}");
            var part = entry.NotReproduced is not null ? FigureShardPart.NotReproduced
                : runner.Shards(entry) ? FigureShardPart.Sharded
                : shard.Index == 0 ? FigureShardPart.Whole : FigureShardPart.InShardZero;
            if (listed.Part != part)
                throw new ArgumentException($"it says {entry.Key} was {listed.Part}; in shard {shard} it is {part}");
            string prefix = $"{entry.Paper}/{entry.Id}/", suffix = $".shard-{shard.Index}-of-{shard.Count}.json";
            bool needsFile = part == FigureShardPart.Sharded && listed.ExitCode == ExitCodes.Success;
            if (needsFile != listed.ShardFile is not null
                || listed.ShardFile is { } file && (!file.StartsWith(prefix, StringComparison.Ordinal) || !file.EndsWith(suffix, StringComparison.Ordinal) || file[prefix.Length..].Contains('/', StringComparison.Ordinal)))
                throw new ArgumentException($"its shard file of {entry.Key} is {listed.ShardFile ?? "(none)"}, not {(needsFile ? $"{prefix}{{kind}}{suffix}" : "(none)")}");
        }
    }

    // The shard file an entry lists, beside its manifest; null when the shard wrote none for it.
    private static string? ShardFile(LoadedState<FigureShardRun, FigureShardEntry> shard, FigureShardEntry entry)
    {
        if (entry.ShardFile is null)
            return null;
        string file = Path.Combine(Path.GetDirectoryName(shard.Path) ?? "", entry.ShardFile);
        return File.Exists(file) ? file : throw new UsageException($"'{shard.Path}' lists '{file}' for {entry.Key}, which is missing");
    }

    // An entry shard 0 ran whole is already in place when the shards wrote into --out; else its files are copied there.
    private static FigureRun Bring(FigureEntry entry, string shardDirectory, string outDirectory, FigureRunner runner, FigureScale scale)
    {
        string from = Path.Combine(shardDirectory, entry.Paper, entry.Id), to = Path.Combine(outDirectory, entry.Paper, entry.Id);
        if (!string.Equals(Path.GetFullPath(from), Path.GetFullPath(to), StringComparison.Ordinal))
        {
            foreach (string file in Directory.GetFiles(from))
                AtomicFile.Write(Path.Combine(to, Path.GetFileName(file)), temp => File.Copy(file, temp));
        }
        return new FigureRun(entry, runner.ArgumentsOf(entry, scale, to), to, 0, ExitCodes.Success, null);
    }

    // The entries' plots were made by the shards (shard 0 plotted the whole ones), so the merge plots as they did.
    private static void RefusePlotsOtherThanTheShards(string path, FigureShardRun run, FigureFiles? merge)
    {
        int? Dpi(string[]? group) => group is null ? FigureFiles.DefaultDpi : int.Parse(group[1], CultureInfo.InvariantCulture);
        int? shards = run.Forwarded.Any(g => g[0] == "--no-plot") ? null : Dpi(run.Forwarded.FirstOrDefault(g => g[0] == "--dpi"));
        static string Text(int? dpi) => dpi is { } d ? $"--dpi {d}" : "--no-plot";
        if (shards != merge?.Dpi)
            throw new UsageException($"'{path}' was made with {Text(shards)}, this merge has {Text(merge?.Dpi)}; a figures merge plots as its shards did");
    }
}
