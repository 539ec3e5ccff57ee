using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary><c>collapse</c> under asymmetric initialisation (RAI, positive biases) and with activations that have no zero region, in process.</summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class CollapseRemediesCommandTests
{
    [Theory]
    [InlineData("--init", "rai")]
    [InlineData("--bias", "Constant", "--bias-std", "0.1")]
    [InlineData("--bias", "halfnormal", "--bias-std", "1")]
    public void Asymmetric_runs_report_no_closed_form(params string[] remedy)
    {
        var r = InProcessCli.Run(["collapse", .. remedy, "--widths", "2", "--depths", "1,4", "--trials", "3000", "--format", "json", "--no-plot", "--out", Cli.TempDirectory()]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var cells = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, cells.Length);
        foreach (var cell in cells)
        {
            Assert.False(cell.GetProperty("symmetric").GetBoolean());
            Assert.Equal(0, cell.GetProperty("checks").GetArrayLength());
            Assert.Equal("PiecewiseLinear", cell.GetProperty("engine").GetString());
        }
        Assert.Equal(remedy[0] == "--init" ? "RAI" : remedy[1].Equals("Constant", StringComparison.Ordinal) ? "Constant" : "HalfNormal",
            cells[0].GetProperty("bias").GetString());
        // Positive biases never kill the first layer on [−1, 1] (w·0 + b > 0).
        if (remedy[0] == "--bias")
            Assert.Equal(0, cells[0].GetProperty("collapsed").GetInt64());
    }

    [Fact]
    public void The_table_says_no_closed_form()
    {
        var r = InProcessCli.Run("collapse", "--init", "rai", "--widths", "2", "--depths", "3", "--trials", "500", "--no-plot", "--out", Cli.TempDirectory());
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("no closed form", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("elu", "does not apply")]
    [InlineData("selu", "does not apply")]
    [InlineData("leaky-relu(slope=0.2)", "does not apply")]
    [InlineData("normalised-relu", "simulate ReLU only")]
    public void Activations_other_than_relu_get_one_line_instead_of_zeros(string activation, string reason)
    {
        var r = InProcessCli.Run("collapse", "--activation", activation, "--trials", "100", "--no-plot", "--out", Cli.TempDirectory());
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        string line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("relukernels: --activation ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--init", "rai", "--bias-std", "0.5")]
    [InlineData("--bias", "HalfNormal")]
    [InlineData("--bias", "Uniform")]
    public void Bad_combinations_are_one_line_and_exit_2(params string[] args)
    {
        var r = InProcessCli.Run(["collapse", .. args, "--trials", "100", "--no-plot", "--out", Cli.TempDirectory()]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("relukernels: ", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
