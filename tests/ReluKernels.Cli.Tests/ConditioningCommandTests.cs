using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The conditioning command with a tiny budget, in process: its outputs, theory columns and refusals.</summary>
[Collection(nameof(ConsoleSwappingTests))]
public sealed class ConditioningCommandTests
{
    [Fact]
    public void Writes_theory_beside_simulation_and_the_width_convergence()
    {
        string dir = Cli.TempDirectory();
        var r = InProcessCli.Run("conditioning", "--inputs", "3", "--dimension", "3", "--separation", "0.2", "--max-depth", "4", "--width", "16",
            "--networks", "4", "--widths", "8,32", "--threads", "1", "--format", "json", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var root = json.RootElement;
        Assert.Equal("normalised-relu", root.GetProperty("activation").GetString());
        Assert.Equal((Math.PI - 2) / (2 * (Math.PI - 1)), root.GetProperty("nonLinearity").GetDouble(), 1e-11);
        Assert.True(root.GetProperty("separation").GetDouble() >= 0.2);
        var depths = root.GetProperty("depths").EnumerateArray().ToArray();
        Assert.Equal(4, depths.Length);
        // Infinite-width correlations fall with depth for μ > 0 (Agarwal et al. 2021, Thm 3.2), and every simulated
        // column is present (width 16 ≥ n = 3 and ≤ 512, so the NTK is simulated too).
        for (int h = 1; h < depths.Length; h++)
            Assert.True(depths[h].GetProperty("theoryMaxCorrelation").GetDouble() < depths[h - 1].GetProperty("theoryMaxCorrelation").GetDouble());
        foreach (var d in depths)
        {
            Assert.Equal(JsonValueKind.Object, d.GetProperty("conditionNumber").ValueKind);
            Assert.Equal(JsonValueKind.Object, d.GetProperty("ntkConditionNumber").ValueKind);
        }
        Assert.Equal(2, root.GetProperty("convergence").GetProperty("points").GetArrayLength());
        foreach (string file in new[] { "conditioning.csv", "conditioning.json", "conditioning.png", "conditioning-width.svg", "conditioning.provenance.json" })
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        Assert.DoesNotContain("NaN", File.ReadAllText(Path.Combine(dir, "conditioning.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_inputs_from_a_csv_file()
    {
        string dir = Cli.TempDirectory(), data = Path.Combine(dir, "x.csv");
        File.WriteAllText(data, "a,b\n1,0\n0,2\n1,1\n");
        var r = InProcessCli.Run("conditioning", "--data", data, "--max-depth", "2", "--width", "8", "--networks", "2", "--no-plot", "--format", "csv", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(3, r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);    // header + two depths
        Assert.Contains(",3,", r.Stdout, StringComparison.Ordinal);                              // n = 3 inputs
    }

    public static TheoryData<string, string[], string> BadInputs => new()
    {
        { "duplicate", ["1,0", "2,0", "0,1"], "parallel" },
        { "zero", ["1,0", "0,0", "0,1"], "zero vector" },
        { "text", ["1,0", "x,1"], "not a list of numbers" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_data_files_are_usage_errors(string label, string[] lines, string message)
    {
        string dir = Cli.TempDirectory(), data = Path.Combine(dir, label + ".csv");
        File.WriteAllLines(data, lines);
        var r = InProcessCli.Run("conditioning", "--data", data, "--networks", "2", "--width", "8", "--no-plot", "--out", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("relukernels: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--separation", "0", "--separation")]
    [InlineData("--separation", "1.5", "--separation")]
    [InlineData("--activation", "softplus", "--activation")]
    [InlineData("--width", "2", "at least the number of inputs")]
    [InlineData("--max-depth", "0", "--max-depth")]
    public void Bad_options_are_usage_errors(string option, string value, string message)
    {
        var r = InProcessCli.Run("conditioning", option, value, "--networks", "2", "--no-plot", "--out", Cli.TempDirectory());
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("relukernels: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_separation_is_a_usage_error()
    {
        var r = InProcessCli.Run("conditioning", "--dimension", "1", "--inputs", "3", "--separation", "0.5", "--networks", "2", "--no-plot", "--out", Cli.TempDirectory());
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("could not place 3 unit vectors", r.Stderr, StringComparison.Ordinal);
    }
}
