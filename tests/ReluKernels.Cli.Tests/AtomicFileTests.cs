using System.Diagnostics;
using ReluKernels.Cli.Output;

namespace ReluKernels.Cli.Tests;

/// <summary>Temporary files left by a killed writer are removed on the next write; a live writer's are kept.</summary>
public sealed class AtomicFileTests
{
    [Fact]
    public void Temporary_file_of_an_ended_process_is_removed_on_the_next_write()
    {
        string target = Path.Combine(Cli.TempDirectory(), "run.json");
        string stale = TemporaryOf(target, EndedProcessId());
        File.WriteAllText(stale, "half a checkpoint");

        AtomicFile.WriteText(target, "{}");

        Assert.False(File.Exists(stale));
        Assert.Equal("{}", File.ReadAllText(target));
        Assert.Equal(["run.json"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Temporary_file_older_than_its_live_pid_is_removed_as_a_reused_pid()
    {
        string target = Path.Combine(Cli.TempDirectory(), "collapse.csv");
        string stale = TemporaryOf(target, Environment.ProcessId);
        File.WriteAllText(stale, "from an earlier process with this pid");
        File.SetLastWriteTimeUtc(stale, Process.GetCurrentProcess().StartTime.ToUniversalTime().AddMinutes(-1));

        Assert.Equal(1, AtomicFile.RemoveStaleTemporaries(target));
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void Live_writers_and_other_targets_temporary_files_are_kept()
    {
        string target = Path.Combine(Cli.TempDirectory(), "collapse.json");
        string live = TemporaryOf(target, Environment.ProcessId);                 // written now by this live process
        string otherTarget = TemporaryOf(Path.ChangeExtension(target, ".csv"), EndedProcessId());
        string otherStem = TemporaryOf(Path.Combine(Path.GetDirectoryName(target)!, "collapse.shard-0-of-2.json"), EndedProcessId());
        foreach (string file in new[] { live, otherTarget, otherStem })
            File.WriteAllText(file, "");

        Assert.Equal(0, AtomicFile.RemoveStaleTemporaries(target));
        Assert.All(new[] { live, otherTarget, otherStem }, file => Assert.True(File.Exists(file), file));
    }

    /// <summary>The name <see cref="AtomicFile.TemporaryPath"/> gives, with another writer's pid.</summary>
    private static string TemporaryOf(string target, int pid) =>
        AtomicFile.TemporaryPath(target).Replace($".{Environment.ProcessId}.", $".{pid}.", StringComparison.Ordinal);

    /// <summary>The pid of a child process that has exited (Linux does not reuse pids that quickly).</summary>
    private static int EndedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.Id;
    }
}
