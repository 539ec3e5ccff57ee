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
}
