namespace ReluKernels.Cli.Output;

/// <summary>
/// Writes files so that readers see the old content or the new, never half of one: the content goes to a temporary
/// file in the same directory, which is then renamed over the target (a rename within one file system is atomic).
/// </summary>
public static class AtomicFile
{
    /// <summary>Calls <paramref name="write"/> with a temporary path, then moves that file to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Keep the extension: some writers (ScottPlot) choose the format from it.
        string temp = Path.Combine(Path.GetDirectoryName(full)!,
            $".{Path.GetFileNameWithoutExtension(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) atomically.</summary>
    public static void WriteText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text));
}
