using System.CommandLine;
using System.Diagnostics;
using ReluKernels.Cli.Commands;
using ReluKernels.Cli.Output;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Figures;

/// <summary>
/// Runs a catalogue entry's command in this process through the ordinary entry point (<see cref="CliEntryPoint"/>), so the
/// figure is exactly what that command makes and its provenance names a command line that reproduces it. The command's
/// standard output and error are captured (the first saved as <see cref="FigureRun.StdoutFile"/> beside its results), so
/// they do not mix with the progress and summary of <c>figures</c>.
/// </summary>
public sealed class FigureRunner
{
    private readonly RootCommand _root = RootCommandFactory.Create();

    /// <param name="forwarded">Options given to <c>figures</c> that every command taking them receives (<c>--seed 3</c>, <c>--dpi 300</c>, <c>--no-plot</c>), as name-value groups.</param>
    public FigureRunner(IReadOnlyList<string[]> forwarded)
    {
        ArgumentNullException.ThrowIfNull(forwarded);
        Forwarded = forwarded;
    }

    /// <summary>The forwarded option groups, e.g. <c>["--seed", "3"]</c> or <c>["--no-plot"]</c>.</summary>
    public IReadOnlyList<string[]> Forwarded { get; }

    /// <summary>The full argument list of <paramref name="entry"/> at <paramref name="scale"/>, writing into <paramref name="directory"/>.</summary>
    public IReadOnlyList<string> ArgumentsOf(FigureEntry entry, FigureScale scale, string directory)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var arguments = CommandArguments(entry, scale);
        return [.. arguments, "--out", directory, .. Taken(CommandOf(arguments))];
    }

    /// <summary>Whether <paramref name="entry"/>'s command takes <c>--shard</c>; a deterministic one (<c>activations</c>) does not.</summary>
    public bool Shards(FigureEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.NotReproduced is null && CommandOf(CommandArguments(entry, FigureScale.Quick)).Options.Any(o => o.Name == ShardOptionName);
    }

    /// <summary>
    /// Runs <paramref name="entry"/> at <paramref name="scale"/> into <c>{outDirectory}/{paper}/{id}</c>; or only shard
    /// <paramref name="shard"/> of its command (<c>--shard k/n</c> added; it must <see cref="Shards"/>), which writes only its shard file there.
    /// </summary>
    public FigureRun Run(FigureEntry entry, FigureScale scale, string outDirectory, Shard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string directory = Path.Combine(outDirectory, entry.Paper, entry.Id);
        if (entry.NotReproduced is not null)
            return new FigureRun(entry, [], directory, 0, ExitCodes.Success, null);
        if (shard is not null && !Shards(entry))
            throw new ArgumentException($"{entry.Key}'s command does not shard.", nameof(entry));
        IReadOnlyList<string> arguments = [.. ArgumentsOf(entry, scale, directory), .. shard is { } s ? new[] { ShardOptionName, s.ToString() } : []];
        return RunInto(entry, arguments, arguments, directory);
    }

    /// <summary>
    /// Merges <paramref name="entry"/>'s shard files <paramref name="shardFiles"/> into <c>{outDirectory}/{paper}/{id}</c> with
    /// <c>relukernels merge</c>, in process. The run it returns carries the unsharded command line, which the merged files equal.
    /// </summary>
    public FigureRun Merge(FigureEntry entry, FigureScale scale, IReadOnlyList<string> shardFiles, string outDirectory)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(shardFiles);
        string directory = Path.Combine(outDirectory, entry.Paper, entry.Id);
        string[] merge = [.. MergeArguments, .. shardFiles, "--out", directory, .. Taken(CommandOf(MergeArguments))];
        return RunInto(entry, ArgumentsOf(entry, scale, directory), merge, directory);
    }

    private const string ShardOptionName = "--shard";

    private static readonly string[] MergeArguments = ["merge"];

    private static IReadOnlyList<string> CommandArguments(FigureEntry entry, FigureScale scale) =>
        entry.Arguments(scale) ?? throw new ArgumentException($"{entry.Key} is not reproduced by any command.", nameof(entry));

    private Command CommandOf(IReadOnlyList<string> arguments) => _root.Subcommands.First(c => c.Name == arguments[0]);

    // An option the command does not take (degeneracy has no --threads, activations no --seed) is left out for it.
    private IEnumerable<string> Taken(Command command) => Forwarded.Where(group => command.Options.Any(o => o.Name == group[0])).SelectMany(group => group);

    // Runs `run` in process and keeps its standard output beside its results; `shown` is the command line the report names.
    private static FigureRun RunInto(FigureEntry entry, IReadOnlyList<string> shown, IReadOnlyList<string> run, string directory)
    {
        var (exitCode, stdout, stderr, seconds) = RunInProcess([.. run]);
        // A command refused before it wrote anything (its --out is a file, say) has no folder to keep its output in.
        if (Directory.Exists(directory))
            AtomicFile.WriteText(Path.Combine(directory, FigureRun.StdoutFile), stdout);
        string? message = exitCode == ExitCodes.Success ? null : ErrorLine(stderr, exitCode);
        return new FigureRun(entry, shown, directory, seconds, exitCode, message);
    }

    // The console is process-wide: the commands write their tables to Console.Out, so it is swapped for the call and put
    // back, as are the invocation's provenance and the progress bars, which belong to the figures command.
    private static (int ExitCode, string Stdout, string Stderr, double Seconds) RunInProcess(string[] arguments)
    {
        TextWriter stdout = Console.Out, stderr = Console.Error;
        var provenance = Provenance.Current;
        bool suppressed = ProgressDisplay.Suppressed;
        using StringWriter output = new(), error = new();
        var clock = Stopwatch.StartNew();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            ProgressDisplay.Suppressed = true;
            int exitCode = CliEntryPoint.Run(arguments, output, error);
            return (exitCode, output.ToString(), error.ToString(), clock.Elapsed.TotalSeconds);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Provenance.Current = provenance;
            ProgressDisplay.Suppressed = suppressed;
        }
    }

    private static string ErrorLine(string stderr, int exitCode)
    {
        string? last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last is null ? $"exit code {exitCode}" : last.StartsWith(CliErrors.ProgramName + ": ", StringComparison.Ordinal) ? last[(CliErrors.ProgramName.Length + 2)..] : last;
    }
}
