namespace ReluKernels.Cli.Tests;

/// <summary>Resuming a checkpoint with any argument the counts depend on changed is refused with one line naming it, before any work.</summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class CheckpointArgumentTests
{
    private static readonly string[] Base = Args("--widths", "2");

    /// <summary>The base command line with <paramref name="option"/> set to <paramref name="value"/> (replaced if the base has it).</summary>
    private static string[] Args(string option, string value)
    {
        var options = new Dictionary<string, string> { ["--widths"] = "2", ["--depths"] = "1..3", ["--trials"] = "3000", ["--seed"] = "1", ["--format"] = "csv" };
        options[option] = value;
        return ["collapse", "--no-plot", .. options.SelectMany(o => new[] { o.Key, o.Value })];
    }

    [Theory]
    [InlineData("--widths", "3", "--widths 2", "--widths 3")]
    [InlineData("--depths", "1..4", "--depths 1,2,3", "--depths 1,2,3,4")]
    [InlineData("--weights", "Orthogonal", "--weights HeNormal", "--weights Orthogonal")]
    [InlineData("--bias-std", "0.5", "--bias-std 0", "--bias-std 0.5")]
    [InlineData("--radius", "2", "--radius 1", "--radius 2")]
    [InlineData("--probe", "0.5", "--probe 1", "--probe 0.5")]
    [InlineData("--engine", "WeightSpace", "--engine Auto", "--engine WeightSpace")]
    [InlineData("--trials", "4000", "--trials 3000", "--trials 4000")]
    [InlineData("--target-half-width", "0.2", "--target-half-width none", "--target-half-width 0.2")]
    [InlineData("--seed", "2", "--seed 1", "--seed 2")]
    [InlineData("--shard", "1/2", "--shard 0/1", "--shard 1/2")]
    public void A_changed_argument_is_named(string option, string value, string stored, string current)
    {
        string dir = Cli.TempDirectory(), checkpoint = Path.Combine(dir, "run.json");
        Assert.Equal(0, InProcessCli.Run([.. Base, "--out", dir, "--checkpoint", checkpoint]).ExitCode);
        byte[] before = File.ReadAllBytes(checkpoint);
        string other = Path.Combine(dir, "other");
        var r = InProcessCli.Run([.. Args(option, value), "--out", other, "--checkpoint", checkpoint]);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Equal($"relukernels: checkpoint '{checkpoint}' was made with {stored}; this run has {current}", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(before, File.ReadAllBytes(checkpoint));
        Assert.False(Directory.Exists(other) && Directory.EnumerateFileSystemEntries(other).Any());
    }

    [Fact]
    public void Threads_output_and_format_may_change()
    {
        string dir = Cli.TempDirectory(), checkpoint = Path.Combine(dir, "run.json");
        var first = InProcessCli.Run([.. Base, "--out", dir, "--checkpoint", checkpoint, "--threads", "1"]);
        Assert.Equal(0, first.ExitCode);
        var again = InProcessCli.Run([.. Base, "--out", Path.Combine(dir, "again"), "--checkpoint", checkpoint, "--threads", "2"]);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(first.Stdout, again.Stdout);
    }
}
