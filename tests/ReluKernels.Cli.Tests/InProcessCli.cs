using ReluKernels.Cli.Commands;

namespace ReluKernels.Cli.Tests;

/// <summary>
/// Runs the CLI's entry point in this process, far faster than a child process per command line. The commands write
/// results to <see cref="Console"/>, so both console streams are swapped for the call: callers must not run in parallel
/// with anything else that writes to the console (<see cref="ConsoleSwappingTests"/>).
/// </summary>
internal static class InProcessCli
{
    private static readonly Lock Gate = new();

    public static CliResult Run(params string[] args)
    {
        lock (Gate)
        {
            TextWriter stdout = Console.Out, stderr = Console.Error;
            using StringWriter output = new(), error = new();
            try
            {
                Console.SetOut(output);
                Console.SetError(error);
                int exitCode = CliEntryPoint.Run(args, output, error);
                return new CliResult(exitCode, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
            }
        }
    }
}

/// <summary>Tests that swap the console streams (<see cref="InProcessCli"/>) run alone.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class ConsoleSwappingTests;
