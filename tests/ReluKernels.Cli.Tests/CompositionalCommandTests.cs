using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The compositional command's output contract and its refusals.</summary>
public sealed class CompositionalCommandTests
{
    [Fact]
    public void Json_has_one_row_per_target_and_method_and_the_construction_keeps_its_regions()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("compositional", "--targets", "x3,sine", "--models", "2", "--points", "50", "--epochs", "20", "--pretrain-epochs", "10",
            "--format", "json", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr); // both targets have the shape their sign assumes: no warning
        using var json = JsonDocument.Parse(r.Stdout);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        string[] methods = ["pyTorchDefault", "noPretraining", "pretrainedFreeScales", "pretrained"]; // enums in camelCase, as every JSON field
        Assert.Equal([.. methods.Select(m => $"x3/{m}"), .. methods.Select(m => $"sine/{m}")],
            rows.Select(x => $"{x.GetProperty("target").GetString()}/{x.GetProperty("method").GetString()}"));
        foreach (var row in rows)
        {
            Assert.Equal(2, row.GetProperty("models").GetInt32());
            Assert.Equal(0, row.GetProperty("diverged").GetInt32());
            Assert.True(row.GetProperty("minMse").GetDouble() <= row.GetProperty("meanMse").GetDouble());
            if (row.GetProperty("method").GetString() != "pyTorchDefault")
                Assert.Equal(0, row.GetProperty("oneRegionAtStart").GetInt32());
        }
        // The constructed start (no pretraining) and the stage-one result hold at least 2^5 regions: exactly 2^5 in double
        // (PretrainingTests); the float weights the kernels train add a few tiny pieces where the waves touch 0.
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToArray();
        Assert.All(models[1].EnumerateArray(), m => Assert.InRange(m.GetProperty("initialRegions").GetInt32(), 32, 64));
        Assert.All(models[3].EnumerateArray(), m => Assert.InRange(m.GetProperty("initialRegions").GetInt32(), 32, 64));
        foreach (string file in new[] { "compositional.csv", "compositional.json", "compositional.provenance.json", "compositional-x3.png", "compositional-sine-waves.svg" })
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
    }

    [Theory]
    [InlineData("--depth", "23")]
    [InlineData("--peaks", "0.5,1.2,0.5,0.5,0.5,0.5")]
    [InlineData("--peaks", "0.5,0.5")]
    public void Bad_input_is_one_usage_line(string option, string value)
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("compositional", option, value, "--out", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("relukernels: ", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_concave_target_with_subtracted_waves_is_warned_about()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("compositional", "--targets", "sine", "--waves", "subtract", "--models", "1", "--points", "20", "--epochs", "4",
            "--pretrain-epochs", "2", "--no-plot", "--format", "csv", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("warning: sin(πx/2) is not convex", r.Stderr, StringComparison.Ordinal);
    }
}
