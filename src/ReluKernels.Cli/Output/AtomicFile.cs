using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ReluKernels.Cli.Output;

/// <summary>
/// Writes files so that readers see the old content or the new, never half of one: the content goes to a temporary
/// file in the same directory, which is then renamed over the target (a rename within one file system is atomic).
/// A process killed mid-write (kill -9) leaves its temporary file behind; the next write of the same target removes it.
/// </summary>
public static class AtomicFile
{
    /// <summary>Calls <paramref name="write"/> with a temporary path, then moves that file to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        RemoveStaleTemporaries(full);
        string temp = TemporaryPath(full);
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

    /// <summary>
    /// The temporary file for <paramref name="path"/>: <c>.{name}.{pid}.{guid}.tmp{extension}</c> beside it, hidden,
    /// naming its writer's process, and keeping the extension because some writers (ScottPlot) choose the format from it.
    /// </summary>
    public static string TemporaryPath(string path)
    {
        string full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!,
            $".{Path.GetFileNameWithoutExtension(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
    }

    /// <summary>
    /// Deletes the temporary files of <paramref name="path"/> that no running writer owns: their process has ended, or
    /// is a later process that reused the pid (the file is older than its start). Another live writer's files are kept.
    /// </summary>
    /// <returns>The number of files deleted.</returns>
    public static int RemoveStaleTemporaries(string path)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
            return 0;
        var pattern = new Regex($@"^\.{Regex.Escape(Path.GetFileNameWithoutExtension(full))}\.(\d+)\.[0-9a-f]{{32}}\.tmp{Regex.Escape(Path.GetExtension(full))}$",
            RegexOptions.CultureInvariant);
        int removed = 0;
        foreach (string file in Directory.EnumerateFiles(directory, $".{Path.GetFileNameWithoutExtension(full)}.*.tmp{Path.GetExtension(full)}"))
        {
            if (pattern.Match(Path.GetFileName(file)) is not { Success: true } match || !int.TryParse(match.Groups[1].Value, out int pid) || !IsStale(file, pid))
                continue;
            try
            {
                File.Delete(file);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another process removed or holds it; a later write tries again.
            }
        }
        return removed;
    }

    private static bool IsStale(string file, int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return File.GetLastWriteTimeUtc(file) < process.StartTime.ToUniversalTime();
        }
        catch (ArgumentException)
        {
            return true;                                    // no process has this pid
        }
        catch (InvalidOperationException)
        {
            return true;                                    // it exited while we looked
        }
        catch (Exception ex) when (ex is Win32Exception or NotSupportedException)
        {
            return false;                                   // its start time cannot be read: keep the file
        }
    }
}
