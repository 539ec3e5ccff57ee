using System.CommandLine;
using ReluKernels.Cli;
using ReluKernels.Cli.Commands;

// Parse errors: one "relukernels: <error>" line on stderr and exit 2 (instead of System.CommandLine's help dump).
// Run-time failures: one line and exit 1. See docs/cli.md.
ParseResult parseResult = RootCommandFactory.Create().Parse(args);
if (parseResult.Errors.Count > 0)
    return CliErrors.Report(Console.Error, ExitCodes.UsageError, parseResult.Errors.Select(e => e.Message));

try
{
    return parseResult.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException ex)
{
    return CliErrors.Report(Console.Error, ExitCodes.UsageError, ex.Message);
}
catch (Exception ex) when (ex is not OutOfMemoryException)
{
    return CliErrors.Report(Console.Error, ExitCodes.RuntimeFailure, ex.Message);
}
