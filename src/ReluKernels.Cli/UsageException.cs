namespace ReluKernels.Cli;

/// <summary>Invalid input found after parsing (a mismatched checkpoint, an unreadable merge file): exit code 2, one line.</summary>
public sealed class UsageException(string message) : Exception(message);
