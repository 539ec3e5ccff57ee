namespace ReluKernels.Cli.Tests;

/// <summary>
/// The training commands' results do not depend on the thread count (each run draws from its own stream and is trained by
/// one thread). They are reproducible per ISA path, not across paths (gradient sums round differently), so unlike the
/// Monte-Carlo commands they are not in <see cref="IsaReproducibilityTests"/>.
/// </summary>
public sealed class TrainingReproducibilityTests
{
    [Theory]
    [InlineData("train-collapse", "--target", "xsin5x", "--runs", "12", "--epochs", "30")]
    [InlineData("train-success", "--targets", "f1", "--widths", "3,12", "--runs", "12", "--epochs", "30")]
    [InlineData("init-compare", "--tasks", "f4", "--runs", "3", "--epochs", "30")]
    [InlineData("train-remedies", "--runs", "4", "--epochs", "20")]
    public void Json_is_identical_for_one_and_two_threads(params string[] args)
    {
        var one = Cli.Run([.. args, "--threads", "1", "--format", "json", "--no-plot", "--out", Cli.TempDirectory()]);
        var two = Cli.Run([.. args, "--threads", "2", "--format", "json", "--no-plot", "--out", Cli.TempDirectory()]);
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.True(two.ExitCode == 0, two.Stderr);
        Assert.Equal(one.Stdout, two.Stdout);
    }
}
