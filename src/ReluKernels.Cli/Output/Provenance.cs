using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.Output;

/// <summary>
/// How a result was made, so that a file says how to reproduce it: the command line as typed (quoted so it can be
/// pasted into a POSIX shell), the seed and engine where the command has them, the package version and commit of this
/// build, and the UTC time. Captured once per invocation by the entry point (<see cref="Current"/>); commands never
/// build their own.
/// </summary>
/// <param name="CommandLine">The command line, quoted for a POSIX shell.</param>
/// <param name="Command">The command that ran (<c>collapse</c> for a bare <c>relukernels</c>).</param>
/// <param name="Seed">The <c>--seed</c> in effect (default included), or null if the command has none.</param>
/// <param name="Engine">The <c>--engine</c> requested, or null if the command has none.</param>
/// <param name="PackageVersion">The package version of this build.</param>
/// <param name="Commit">The source commit of this build (from Source Link), or <c>unknown</c>.</param>
/// <param name="UtcDate">When the invocation started, ISO 8601 UTC to the second.</param>
public sealed partial record Provenance(string CommandLine, string Command, ulong? Seed, string? Engine, string PackageVersion, string Commit, string UtcDate)
{
    private static readonly AsyncLocal<Provenance?> s_current = new();

    /// <summary>The provenance of the invocation running on this flow, set by the entry point.</summary>
    /// <exception cref="InvalidOperationException">No invocation has been captured.</exception>
    public static Provenance Current
    {
        get => s_current.Value ?? throw new InvalidOperationException("No command invocation is running.");
        set => s_current.Value = value;
    }

    /// <summary>The provenance of <paramref name="args"/> as parsed into <paramref name="parseResult"/>.</summary>
    public static Provenance Capture(IReadOnlyList<string> args, ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(parseResult);
        var command = parseResult.CommandResult.Command;
        var seed = command.Options.OfType<Option<ulong>>().FirstOrDefault(o => o.Name == "--seed");
        var engine = command.Options.OfType<Option<EngineKind>>().FirstOrDefault(o => o.Name == "--engine");
        // The SDK appends "+<commit>" to the informational version (Source Link); a build outside git has none.
        string informational = typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return new(
            string.Join(' ', new[] { CliErrors.ProgramName }.Concat(args).Select(Quote)),
            command is RootCommand ? "collapse" : command.Name,
            seed is null ? null : parseResult.GetValue(seed),
            engine is null ? null : parseResult.GetValue(engine).ToString(),
            plus < 0 ? informational : informational[..plus],
            plus < 0 ? "unknown" : informational[(plus + 1)..],
            DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary><paramref name="token"/> as a POSIX shell reads it back: unchanged if it has no special character, else single-quoted.</summary>
    public static string Quote(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Length > 0 && PlainToken().IsMatch(token) ? token : $"'{token.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }

    [GeneratedRegex(@"^[A-Za-z0-9_./,:=+@%-]+$")]
    private static partial Regex PlainToken();
}
