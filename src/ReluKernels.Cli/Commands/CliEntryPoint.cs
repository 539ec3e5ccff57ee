using System.CommandLine;
using System.CommandLine.Help;
using ReluKernels.Cli.Output;

namespace ReluKernels.Cli.Commands;

/// <summary>
/// What <c>Program</c> runs, callable in process (the tests' command-line fuzzing): parse errors give one
/// <c>relukernels: …</c> line on the error writer and exit 2, run-time failures one line and exit 1 (docs/cli.md).
/// </summary>
public static class CliEntryPoint
{
    /// <summary>Parses and runs <paramref name="args"/>; help and parse errors go to the given writers, results to the console.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            ParseResult parseResult = RootCommandFactory.Create().Parse(args);
            if (parseResult.Errors.Count > 0)
                return CliErrors.Report(error, ExitCodes.UsageError, parseResult.Errors.Select(e => e.Message));
            // Help writes nothing, so its --out need not be writable.
            if (parseResult.Action is not HelpAction)
                OutputPaths.Check(parseResult);
            Provenance.Current = Provenance.Capture(args, parseResult);
            return parseResult.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        catch (UsageException ex)
        {
            return CliErrors.Report(error, ExitCodes.UsageError, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return CliErrors.Report(error, ExitCodes.RuntimeFailure, ex.Message);
        }
    }
}
