using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The train-collapse command's output contract and Lu et al.'s Theorem 4 / Lemma 3 as seen through it.</summary>
public sealed class TrainCollapseCommandTests
{
    [Fact]
    public void Json_counts_outcomes_and_files_are_written()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("train-collapse", "--target", "abs", "--loss", "mse", "--runs", "40", "--epochs", "400", "--seed", "1", "--format", "json", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var root = json.RootElement;
        int runs = root.GetProperty("runs").GetInt32(), collapsed = root.GetProperty("collapsed").GetInt32();
        Assert.Equal(40, runs);
        Assert.Equal(runs, collapsed + root.GetProperty("partiallyCollapsed").GetInt32() + root.GetProperty("successful").GetInt32()
            + root.GetProperty("failed").GetInt32() + root.GetProperty("diverged").GetInt32());
        Assert.InRange(root.GetProperty("collapsedToMean").GetInt32(), 0, collapsed);
        Assert.InRange(root.GetProperty("collapsedToMedian").GetInt32(), 0, collapsed);
        Assert.Equal("1→[2×9]→1 ReLU", root.GetProperty("architecture").GetString());
        Assert.True(root.GetProperty("exact").GetBoolean());
        var fraction = root.GetProperty("fractions").GetProperty("collapsed");
        Assert.Equal((double)collapsed / runs, fraction.GetProperty("estimate").GetDouble(), 12);
        Assert.InRange((double)collapsed / runs, fraction.GetProperty("low").GetDouble(), fraction.GetProperty("high").GetDouble());
        var trainings = root.GetProperty("trainings").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(0, runs), trainings.Select(t => t.GetProperty("run").GetInt32()));
        Assert.Equal(collapsed, trainings.Count(t => t.GetProperty("outcome").GetString() == "collapsed"));

        Assert.Equal(r.Stdout.Trim(), File.ReadAllText(Path.Combine(dir, "train-collapse-abs-mse.json")).Trim());
        Assert.Equal(runs + 1, File.ReadAllLines(Path.Combine(dir, "train-collapse-abs-mse.csv")).Length);
        foreach (string file in new[] { "train-collapse-abs-mse.png", "train-collapse-abs-mse.svg", "train-collapse-abs-mse-loss.png", "train-collapse-abs-mse-loss.svg" })
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp*"));
    }

    [Theory]
    [InlineData("mse", "collapsedToMean", "collapsedToMedian")]
    [InlineData("mae", "collapsedToMedian", "collapsedToMean")]
    public void Collapsed_networks_sit_at_the_mean_under_mse_and_at_the_median_under_mae(string loss, string everyCollapsed, string none)
    {
        // x·sin(5x) on [−1, 1]: mean and median are 0.35 standard deviations apart, 35 times the classification tolerance.
        var r = Cli.Run("train-collapse", "--target", "xsin5x", "--loss", loss, "--runs", "40", "--epochs", "500", "--seed", "3",
            "--format", "json", "--no-plot", "--out", Cli.TempDirectory());
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var root = json.RootElement;
        int collapsed = root.GetProperty("collapsed").GetInt32();
        Assert.InRange(collapsed, 20, 40); // Lu et al. (2019): about 90%; 88% are born dead at this depth
        Assert.Equal(collapsed, root.GetProperty(everyCollapsed).GetInt32());
        Assert.Equal(0, root.GetProperty(none).GetInt32());
    }

    [Fact]
    public void A_network_born_dead_ends_collapsed()
    {
        // Lu et al. 2019, Lemma 3: with zero biases a dead layer gets no gradient, so a born-dead network stays constant.
        var r = Cli.Run("train-collapse", "--target", "step-sine", "--runs", "40", "--epochs", "50", "--optimizer", "sgd", "--lr", "0.05",
            "--format", "json", "--no-plot", "--out", Cli.TempDirectory());
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var bornDead = json.RootElement.GetProperty("trainings").EnumerateArray().Where(t => t.GetProperty("collapsedAtInit").GetBoolean()).ToArray();
        Assert.NotEmpty(bornDead);
        Assert.All(bornDead, t => Assert.Equal("collapsed", t.GetProperty("outcome").GetString()));
        Assert.All(bornDead, t => Assert.Equal(1, t.GetProperty("gradientVanishedEpoch").GetInt32()));
    }

    [Fact]
    public void The_two_dimensional_target_is_classified_exactly_on_polygons_and_says_so()
    {
        var r = Cli.Run("train-collapse", "--target", "abs-sum-diff", "--runs", "6", "--epochs", "20", "--format", "json", "--no-plot", "--out", Cli.TempDirectory());
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var root = json.RootElement;
        Assert.Equal("2→[4×9]→2 ReLU", root.GetProperty("architecture").GetString());
        Assert.True(root.GetProperty("exact").GetBoolean());
        Assert.StartsWith("exact polygons on Ω = [-1, 1]²", root.GetProperty("classification").GetString());
        Assert.Equal(2, root.GetProperty("targetMean").GetArrayLength());
    }
}
