namespace ReluKernels.Cli.Tests;

/// <summary>Bad input: one <c>relukernels: …</c> line on stderr, exit code 2, nothing on stdout, no output files.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("collapse", "--widths", "0")]
    [InlineData("collapse", "--widths", "65")]
    [InlineData("collapse", "--widths", "")]
    [InlineData("collapse", "--widths", "2,,3")]
    [InlineData("collapse", "--depths", "5..2")]
    [InlineData("collapse", "--depths", "1..x")]
    [InlineData("collapse", "--depths", "0..3")]
    [InlineData("collapse", "--trials", "0")]
    [InlineData("collapse", "--trials", "-5")]
    [InlineData("collapse", "--shard", "3/2")]
    [InlineData("collapse", "--shard", "one")]
    [InlineData("collapse", "--target-half-width", "0.7")]
    [InlineData("collapse", "--bias-std", "-1")]
    [InlineData("collapse", "--radius", "0")]
    [InlineData("collapse", "--probe", "5")]
    [InlineData("collapse", "--engine", "FunctionSpace", "--weights", "Orthogonal")]
    [InlineData("collapse", "--engine", "WeightSpace", "--bias-std", "0.5")]
    [InlineData("collapse", "--target-half-width", "0.01", "--shard", "0/2")]
    [InlineData("collapse", "--threads", "0")]
    [InlineData("safe-depth", "--p", "1.5")]
    [InlineData("safe-depth", "--p", "0")]
    [InlineData("safe-depth", "--widths", "17")]
    [InlineData("trainability", "--input-dim", "0")]
    [InlineData("trainability", "--radius", "0")]
    [InlineData("trainability", "--radius", "-1")]
    [InlineData("trainability", "--required", "5", "--widths", "2..10")]
    [InlineData("trainability", "--widths", "0,3")]
    [InlineData("trainability", "--delta", "1")]
    [InlineData("active-neurons", "--architecture", "2,6,4")]
    [InlineData("active-neurons", "--architecture", "1,0,4")]
    [InlineData("active-neurons", "--architecture", "1")]
    [InlineData("active-neurons", "--architecture", "1,65")]
    [InlineData("active-neurons", "--schemes", "sphere-nobias+bogus")]
    [InlineData("active-neurons", "--schemes", "sphere-nobias+")]
    [InlineData("active-neurons", "--required", "2,2")]
    [InlineData("active-neurons", "--required", "7,1,1")]
    [InlineData("active-neurons", "--radius", "0")]
    [InlineData("train-collapse", "--runs", "0")]
    [InlineData("train-collapse", "--epochs", "0")]
    [InlineData("train-collapse", "--epochs", "-3")]
    [InlineData("train-collapse", "--lr", "0")]
    [InlineData("train-collapse", "--lr", "-0.1")]
    [InlineData("train-collapse", "--lr", "NaN")]
    [InlineData("train-collapse", "--target", "sine")]
    [InlineData("train-collapse", "--loss", "l2")]
    [InlineData("train-collapse", "--optimizer", "rprop")]
    [InlineData("train-collapse", "--balance", "projection")]
    [InlineData("train-collapse", "--balance", "project", "--optimizer", "lbfgs")]
    [InlineData("train-collapse", "--balance", "penalty", "--optimizer", "all")]
    [InlineData("train-collapse", "--balance-weight", "-0.1")]
    [InlineData("train-collapse", "--balance-weight", "NaN")]
    [InlineData("train-collapse", "--redundancy-weight", "-0.1")]
    [InlineData("train-collapse", "--redundancy-weight", "Infinity")]
    [InlineData("train-collapse", "--redundancy-weight", "0.1", "--optimizer", "bfgs")]
    [InlineData("train-collapse", "--optimizer", "adam", "--momentum", "0.5")]
    [InlineData("train-collapse", "--optimizer", "momentum", "--momentum", "1")]
    [InlineData("train-success", "--optimizer", "nesterov", "--momentum", "0")]
    [InlineData("train-collapse", "--batch-size", "-1")]
    [InlineData("train-collapse", "--width", "0")]
    [InlineData("train-collapse", "--depth", "0")]
    [InlineData("train-success", "--runs", "0")]
    [InlineData("train-success", "--epochs", "0")]
    [InlineData("train-success", "--lr", "0")]
    [InlineData("train-success", "--targets", "f3")]
    [InlineData("train-success", "--targets", "f2", "--widths", "2,4")]
    [InlineData("train-success", "--widths", "3", "--targets", "f1,f2")]
    [InlineData("train-success", "--optimizer", "sgd", "--momentum", "0.9")]
    [InlineData("train-remedies", "--runs", "0")]
    [InlineData("train-remedies", "--epochs", "0")]
    [InlineData("train-remedies", "--remedies", "bn")]
    [InlineData("train-remedies", "--remedies", "")]
    [InlineData("train-remedies", "--dropout", "1")]
    [InlineData("train-remedies", "--dropout", "0")]
    [InlineData("train-remedies", "--target", "sine")]
    [InlineData("init-compare", "--runs", "0")]
    [InlineData("init-compare", "--epochs", "0")]
    [InlineData("init-compare", "--tasks", "f5")]
    [InlineData("init-compare", "--tasks", "")]
    [InlineData("merge", "does-not-exist.json")]
    [InlineData("figures", "--only", "nope")]
    [InlineData("figures", "--only", "lu-2019/fig-99")]
    [InlineData("figures", "--only", "")]
    [InlineData("figures", "--quick", "--paper")]
    [InlineData("figures", "--dpi", "49")]
    [InlineData("figures", "--threads", "0")]
    [InlineData("--bogus")]
    // Values that do not parse at all once crashed the parser (exit 134 and a stack trace) instead of exit 2.
    [InlineData("collapse", "--trials", "abc")]
    [InlineData("collapse", "--trials", "1e30")]
    [InlineData("collapse", "--threads", "1.5")]
    [InlineData("collapse", "--bias-std", "abc")]
    [InlineData("collapse", "--target-half-width", "abc")]
    [InlineData("collapse", "--radius", "abc")]
    [InlineData("collapse", "--probe", "abc")]
    [InlineData("collapse", "--seed", "-1")]
    [InlineData("collapse", "--format", "xml")]
    [InlineData("collapse", "--weights", "5")]
    [InlineData("train-collapse", "--epochs", "1e9")]
    [InlineData("train-collapse", "--width", "2.5")]
    [InlineData("train-collapse", "--lr", "abc")]
    [InlineData("train-collapse", "--momentum", "abc")]
    [InlineData("train-collapse", "--batch-size", "x")]
    [InlineData("train-collapse", "--runs", "x")]
    [InlineData("trainability", "--input-dim", "x")]
    [InlineData("trainability", "--delta", "x")]
    [InlineData("init-compare", "--runs", "x")]
    [InlineData("merge", "a.json", "--seed", "3")]
    public void Invalid_arguments_give_one_line_and_exit_code_2(params string[] args)
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run([.. args, "--out", dir]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        string[] lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("relukernels: ", lines[0]);
        Assert.Empty(Directory.GetFiles(dir));
    }
}

/// <summary>The wording of usage errors: each names its option and what it accepts, once, without .NET type names.</summary>
public sealed class UsageErrorMessageTests
{
    [Theory]
    [InlineData("collapse --trials abc", "relukernels: --trials must be an integer in 1..9223372036854775807, got 'abc'")]
    [InlineData("collapse --trials 0", "relukernels: --trials must be an integer in 1..9223372036854775807, got '0'")]
    [InlineData("collapse --threads 1.5", "relukernels: --threads must be an integer in 1..1024, got '1.5'")]
    [InlineData("collapse --target-half-width abc", "relukernels: --target-half-width must be a number in (0, 0.5), got 'abc'")]
    [InlineData("collapse --format xml", "relukernels: --format must be one of Table, Csv, Json, got 'xml'")]
    [InlineData("collapse --dpi 49", "relukernels: --dpi must be an integer in 50..1200, got '49'")]
    [InlineData("length-map --dpi 1201", "relukernels: --dpi must be an integer in 50..1200, got '1201'")]
    [InlineData("merge a.json --dpi 72.5", "relukernels: --dpi must be an integer in 50..1200, got '72.5'")]
    [InlineData("train-collapse --epochs 1e9", "relukernels: --epochs must be an integer in 1..2147483647, got '1e9'")]
    [InlineData("figures --quick --paper", "relukernels: --quick and --paper cannot be combined (choose one scale)")]
    [InlineData("figures --only lu-2019/fig-99", "relukernels: --only: 'lu-2019/fig-99' is neither a paper (lu-2019, shin-2020, berner-2019, milkert-2023, agarwal-2021) nor a paper/figure id of the catalogue (docs/figures.md)")]
    [InlineData("merge a.json --seed 3", "relukernels: merge: option '--seed' is not recognised (merge takes files, --out, --format, --no-plot and --dpi)")]
    public void Error_line_names_the_option_and_its_range(string commandLine, string expected)
    {
        var r = Cli.Run(commandLine.Split(' '));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(expected, r.Stderr.TrimEnd('\n'));
    }

    [Fact]
    public void Merge_of_a_directory_says_it_is_a_directory()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("merge", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"relukernels: '{dir}' is a directory, not a state file", r.Stderr.TrimEnd('\n'));
    }
}
