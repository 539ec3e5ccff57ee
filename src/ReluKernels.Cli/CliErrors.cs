namespace ReluKernels.Cli;

/// <summary>Formats errors as one <c>relukernels: ...</c> line on standard error.</summary>
public static class CliErrors
{
    /// <summary>The program name used as the prefix of every error line.</summary>
    public const string ProgramName = "relukernels";

    /// <summary>Writes <paramref name="messages"/> without repeats, joined by "; " as a single line and returns <paramref name="exitCode"/>.</summary>
    public static int Report(TextWriter error, int exitCode, IEnumerable<string> messages)
    {
        // Distinct: an option shared by the root and a subcommand (collapse's) can report the same error twice.
        string text = string.Join("; ", messages.Select(m => m.ReplaceLineEndings(" ").Trim().TrimEnd('.')).Where(m => m.Length > 0).Distinct());
        error.WriteLine($"{ProgramName}: {(text.Length > 0 ? text : "error")}");
        return exitCode;
    }

    /// <inheritdoc cref="Report(TextWriter, int, IEnumerable{string})"/>
    public static int Report(TextWriter error, int exitCode, string message) => Report(error, exitCode, [message]);
}
