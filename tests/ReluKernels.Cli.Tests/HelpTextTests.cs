namespace ReluKernels.Cli.Tests;

/// <summary>Help texts show the library's default grids as a user would type them: long runs as ranges, short ones spelled out.</summary>
public sealed class HelpTextTests
{
    [Theory]
    [InlineData("collapse", "--widths", "default 2,3,4,5,10;")]
    [InlineData("collapse", "--depths", "default 1..20;")]
    [InlineData("safe-depth", "--widths", "default 2..10;")]
    [InlineData("trainability", "--widths", "default 2..10,20,50,100,200,500;")]
    [InlineData("train-success", "--widths", "(default f1: 2,3,4,5,6,8,10; f2: 4,5,6,8,10,12,16)")]
    [InlineData("safe-depth", "--p", "(default 0.01,0.1)")]
    [InlineData("active-neurons", "--architecture", "(default 1,6,4,2)")]
    [InlineData("init-compare", "--epochs", "(default: two-sines 3,000, f3/f4 5,000; --paper: 15,000 and 10,000)")]
    public void Option_help_shows_the_default(string command, string option, string expected)
    {
        var result = Cli.Run(command, "--help");
        Assert.Equal(0, result.ExitCode);
        string line = Assert.Single(result.Stdout.Split('\n'), l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        // System.CommandLine's own "[default: 2|3|4]" is not list syntax: the parser would reject it.
        Assert.DoesNotContain("|", line, StringComparison.Ordinal);
    }
}
