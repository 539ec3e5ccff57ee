using FsCheck.Xunit;

namespace ReluKernels.Cli.Tests;

/// <summary>
/// Generated command lines (<see cref="CommandLineGenerator"/>) never crash the CLI: each succeeds (exit 0) or is refused
/// with exit 2, one <c>relukernels: …</c> line on stderr, no stack trace and no files left under <c>--out</c>.
/// </summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class CommandLineFuzzTests
{
    private const int Cases = 300;
    private static int s_ran, s_refused;

    [Property(MaxTest = Cases, Replay = "(20251,7331)", Arbitrary = [typeof(CommandLineGenerator)])]
    public void Any_command_line_succeeds_or_is_refused_in_one_line(CommandLine commandLine)
    {
        string dir = Cli.TempDirectory();
        var r = InProcessCli.Run([.. commandLine.Args, "--no-plot", "--out", dir]);
        int ran = Interlocked.Increment(ref s_ran);
        Assert.True(r.ExitCode is ExitCodes.Success or ExitCodes.UsageError, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        if (r.ExitCode == ExitCodes.UsageError)
        {
            Interlocked.Increment(ref s_refused);
            Assert.StartsWith("relukernels: ", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
        }
        if (ran == Cases)
            TestContext.Current.TestOutputHelper?.WriteLine($"{ran} command lines ran in process, {s_refused} refused with exit 2");
    }
}
