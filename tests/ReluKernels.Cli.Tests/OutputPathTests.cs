namespace ReluKernels.Cli.Tests;

/// <summary>An <c>--out</c> or <c>--checkpoint</c> that cannot be written is refused before any work (exit 2, one line).</summary>
public sealed class OutputPathTests
{
    public static TheoryData<string, string[]> EveryCommandWithOut => new()
    {
        { "collapse", ["--trials", "64", "--widths", "2", "--depths", "1..3"] },
        { "safe-depth", ["--trials", "64", "--widths", "2"] },
        { "trainability", ["--trials", "64", "--widths", "2"] },
        { "active-neurons", ["--trials", "64"] },
        { "train-collapse", ["--runs", "1", "--epochs", "1"] },
        { "train-remedies", ["--runs", "1", "--epochs", "1"] },
        { "train-success", ["--runs", "1", "--epochs", "1", "--widths", "4"] },
        { "init-compare", ["--runs", "1", "--epochs", "1", "--tasks", "f3"] },
        { "activations", [] },
        { "conditioning", ["--networks", "2", "--width", "8", "--max-depth", "2"] },
        { "train-depth", ["--runs", "1", "--epochs", "1", "--depths", "1"] },
        { "degeneracy", ["--steps", "1", "--pairs", "1"] },
        { "length-map", ["--trials", "2", "--width", "2", "--depth", "2"] },
        { "merge", ["does-not-exist.json"] },
        { "figures", ["--only", "agarwal-2021/mu-table"] },
    };

    [Theory]
    [MemberData(nameof(EveryCommandWithOut))]
    public void Out_that_is_a_file_is_refused(string command, string[] args)
    {
        string file = Path.Combine(Cli.TempDirectory(), "results");
        File.WriteAllText(file, "keep");
        AssertRefused(Cli.Run([command, .. args, "--no-plot", "--out", file]), $"relukernels: --out '{file}' is a file, not a directory");
        Assert.Equal("keep", File.ReadAllText(file));
    }

    [Fact]
    public void Out_below_a_file_is_refused()
    {
        string file = Path.Combine(Cli.TempDirectory(), "results");
        File.WriteAllText(file, "keep");
        string below = Path.Combine(file, "sub");
        AssertRefused(Cli.Run("collapse", "--trials", "64", "--out", below), $"relukernels: --out '{below}' cannot be created: '{file}' is a file");
    }

    [Fact]
    public void Out_on_an_unwritable_file_system_is_refused()
    {
        // /proc refuses new files even to root, unlike a directory without write permission.
        Assert.SkipUnless(Directory.Exists("/proc/self"), "needs Linux /proc");
        var r = Cli.Run("collapse", "--trials", "64", "--out", "/proc/relukernels");
        AssertRefused(r, "relukernels: --out '/proc/relukernels' is not writable: ");
    }

    [Fact]
    public void Checkpoint_that_is_a_directory_is_refused()
    {
        string dir = Cli.TempDirectory(), output = Cli.TempDirectory();
        AssertRefused(Cli.Run("collapse", "--trials", "64", "--out", output, "--checkpoint", dir), $"relukernels: --checkpoint '{dir}' is a directory, not a file");
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public void Checkpoint_in_a_missing_directory_is_refused()
    {
        string missing = Path.Combine(Cli.TempDirectory(), "missing"), output = Cli.TempDirectory();
        string checkpoint = Path.Combine(missing, "run.json");
        AssertRefused(Cli.Run("collapse", "--trials", "64", "--out", output, "--checkpoint", checkpoint),
            $"relukernels: --checkpoint '{checkpoint}': its directory '{missing}' does not exist");
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    private static void AssertRefused(CliResult r, string expectedStart)
    {
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith(expectedStart, Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
