namespace ReluKernels.Cli.Figures;

/// <summary>How one catalogue entry fared.</summary>
public enum FigureStatus
{
    /// <summary>Its command exited 0.</summary>
    Ok,

    /// <summary>Its command exited non-zero (<see cref="FigureRun.Message"/> says why).</summary>
    Failed,

    /// <summary>No command reproduces it (<see cref="FigureEntry.NotReproduced"/>).</summary>
    NotReproduced,
}

/// <summary>One entry run by <c>relukernels figures</c>.</summary>
/// <param name="Entry">The catalogue entry.</param>
/// <param name="Arguments">The command's full arguments as run (with <c>--out</c>), or empty when not reproduced.</param>
/// <param name="Directory">Where its files are, <c>{out}/{paper}/{id}</c>.</param>
/// <param name="Seconds">Wall-clock time of the command.</param>
/// <param name="ExitCode">The command's exit code (0 when not reproduced).</param>
/// <param name="Message">The command's error line (without the <c>relukernels: </c> prefix) when it failed, else null.</param>
public sealed record FigureRun(FigureEntry Entry, IReadOnlyList<string> Arguments, string Directory, double Seconds, int ExitCode, string? Message)
{
    /// <summary>The file holding the command's standard output, beside its results.</summary>
    public const string StdoutFile = "stdout.txt";

    /// <summary>Ok, failed or not reproduced.</summary>
    public FigureStatus Status => Entry.NotReproduced is not null ? FigureStatus.NotReproduced : ExitCode == ExitCodes.Success ? FigureStatus.Ok : FigureStatus.Failed;
}
