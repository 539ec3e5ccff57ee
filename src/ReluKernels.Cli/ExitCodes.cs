using System.Runtime.InteropServices;

namespace ReluKernels.Cli;

/// <summary>Process exit codes (docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>The command ran and succeeded.</summary>
    public const int Success = 0;

    /// <summary>The command started but failed at run time.</summary>
    public const int RuntimeFailure = 1;

    /// <summary>The command line could not be parsed or was invalid.</summary>
    public const int UsageError = 2;

    /// <summary>Stopped by SIGINT (Ctrl+C): 128 + 2, the shell's convention for a process ended by that signal.</summary>
    public const int InterruptedBySigint = 130;

    /// <summary>Stopped by SIGTERM: 128 + 15, the shell's convention, which schedulers also read as "terminated".</summary>
    public const int InterruptedBySigterm = 143;

    /// <summary>The exit code of a run stopped by <paramref name="signal"/> (SIGTERM or otherwise SIGINT).</summary>
    public static int Interrupted(PosixSignal signal) => signal == PosixSignal.SIGTERM ? InterruptedBySigterm : InterruptedBySigint;
}
