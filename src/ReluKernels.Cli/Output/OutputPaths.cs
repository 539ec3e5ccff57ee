using System.CommandLine;

namespace ReluKernels.Cli.Output;

/// <summary>
/// Checks, before any work starts, that the command's <c>--out</c> directory and <c>--checkpoint</c> file can be written:
/// otherwise a long run would compute and then lose everything when it writes its results.
/// </summary>
public static class OutputPaths
{
    /// <summary>Checks the <c>--out</c> and <c>--checkpoint</c> of the invoked command, if it has them.</summary>
    /// <exception cref="UsageException">A path that cannot be written, naming the option.</exception>
    public static void Check(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (Find(parseResult, "--out") is { } outDirectory)
            CheckDirectory("--out", outDirectory);
        if (Find(parseResult, "--checkpoint") is { } checkpoint)
            CheckFile("--checkpoint", checkpoint);
    }

    /// <summary>
    /// <paramref name="path"/> is a writable directory or can be created as one: its nearest existing ancestor is a
    /// writable directory. Nothing is created; the command creates it when it writes.
    /// </summary>
    /// <exception cref="UsageException">It is a file, lies under a file, or is not writable.</exception>
    public static void CheckDirectory(string option, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Full(option, path);
        if (File.Exists(full))
            throw new UsageException($"{option} '{path}' is a file, not a directory");
        string? existing = full;
        while (existing is not null && !Directory.Exists(existing))
        {
            if (File.Exists(existing))
                throw new UsageException($"{option} '{path}' cannot be created: '{existing}' is a file");
            existing = Path.GetDirectoryName(existing);
        }
        if (existing is null)
            throw new UsageException($"{option} '{path}' cannot be created: no part of it exists");
        ProbeWritable(option, path, existing);
    }

    /// <summary><paramref name="path"/> is not a directory and its directory exists and is writable (the file is replaced by a rename there).</summary>
    /// <exception cref="UsageException">It is a directory, its directory is missing, or that directory is not writable.</exception>
    public static void CheckFile(string option, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Full(option, path);
        if (Directory.Exists(full))
            throw new UsageException($"{option} '{path}' is a directory, not a file");
        string directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
            throw new UsageException($"{option} '{path}': its directory '{directory}' does not exist");
        ProbeWritable(option, path, directory);
    }

    private static string? Find(ParseResult parseResult, string name) =>
        parseResult.CommandResult.Command.Options.FirstOrDefault(o => o.Name == name) is Option<string> option ? parseResult.GetValue(option) : null;

    private static string Full(string option, string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{option} '{path}' is not a valid path: {ex.Message}");
        }
    }

    // Permissions, read-only mounts and ACLs are only known by trying; the probe file is deleted when closed.
    private static void ProbeWritable(string option, string path, string directory)
    {
        string probe = Path.Combine(directory, $".relukernels-probe.{Environment.ProcessId}.{Guid.NewGuid():N}");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{path}' is not writable: {ex.Message}");
        }
    }
}
