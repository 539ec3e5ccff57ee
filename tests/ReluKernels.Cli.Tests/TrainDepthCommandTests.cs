using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The train-depth command with a tiny budget, in process: its outputs and refusals.</summary>
[Collection(nameof(ConsoleSwappingTests))]
public sealed class TrainDepthCommandTests
{
    [Fact]
    public void Writes_one_row_per_activation_and_depth()
    {
        string dir = Cli.TempDirectory();
        var r = InProcessCli.Run("train-depth", "--depths", "3,1", "--inputs", "4", "--dimension", "3", "--runs", "2", "--epochs", "3",
            "--threads", "1", "--format", "json", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        // Three activations × depths sorted to 1, 3.
        Assert.Equal(["relu", "relu", "normalised-relu", "normalised-relu", "norm-relu", "norm-relu"], rows.Select(x => x.GetProperty("activation").GetString()));
        Assert.Equal([1, 3, 1, 3, 1, 3], rows.Select(x => x.GetProperty("depth").GetInt32()));
        Assert.All(rows, x => Assert.Equal(2, x.GetProperty("finalLoss").GetProperty("count").GetInt32()));
        Assert.True(json.RootElement.GetProperty("dataSeparation").GetDouble() >= 0.1);
        foreach (string file in new[] { "train-depth.csv", "train-depth.json", "train-depth.png", "train-depth.svg", "train-depth.provenance.json" })
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        Assert.DoesNotContain("NaN", File.ReadAllText(Path.Combine(dir, "train-depth.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Unreachable_separation_is_a_usage_error()
    {
        string dir = Cli.TempDirectory();
        var r = InProcessCli.Run("train-depth", "--inputs", "8", "--dimension", "1", "--separation", "0.5", "--runs", "1", "--epochs", "1", "--out", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("relukernels: --separation: could not place 8 unit vectors", r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }
}
