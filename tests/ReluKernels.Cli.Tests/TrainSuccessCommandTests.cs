using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The train-success command: JSON contract, Theorem 3's value, and success ≤ trainability (docs/statistics.md, one-sided).</summary>
public sealed class TrainSuccessCommandTests
{
    // Ω = [−√3, √3]: p̂ = arctan(1/√3)/π = 1/6 (Lemma 11), so a neuron is alive with probability q = 5/6.
    private const double Q = 5.0 / 6, P = 1.0 / 6;

    [Fact]
    public void Success_rate_never_significantly_exceeds_trainability()
    {
        // The widths where trainability is smallest (f1: n = m = 2, f2: n = m = 4) are where the bound is sharpest.
        string dir = Cli.TempDirectory();
        var rows = Rows(dir, "f1", "2,4").Concat(Rows(Cli.TempDirectory(), "f2", "4")).ToArray();
        Assert.Equal(["f1:2", "f1:4", "f2:4"], rows.Select(x => $"{x.GetProperty("target").GetString()}:{x.GetProperty("width").GetInt32()}"));
        var expected = new Dictionary<string, double>
        {
            ["f1:2"] = Q * Q,                                  // P(Bin(2, q) ≥ 2)
            ["f1:4"] = 1 - Math.Pow(P, 4) - 4 * Q * Math.Pow(P, 3), // P(Bin(4, q) ≥ 2)
            ["f2:4"] = Math.Pow(Q, 4),                          // P(Bin(4, q) ≥ 4)
        };
        foreach (var row in rows)
        {
            string key = $"{row.GetProperty("target").GetString()}:{row.GetProperty("width").GetInt32()}";
            double trainability = row.GetProperty("trainability").GetDouble();
            Assert.Equal(expected[key], trainability, 12);
            Assert.Equal(P, row.GetProperty("pHat").GetDouble(), 12);
            int runs = row.GetProperty("runs").GetInt32(), successful = row.GetProperty("successful").GetInt32();
            Assert.Equal(200, runs);
            Assert.Equal(runs, successful + row.GetProperty("collapsed").GetInt32() + row.GetProperty("partiallyCollapsed").GetInt32()
                + row.GetProperty("failed").GetInt32() + row.GetProperty("diverged").GetInt32());
            Assert.True(row.GetProperty("respectsBound").GetBoolean(), $"{key}: {successful}/{runs} vs trainability {trainability}");
            Assert.InRange(row.GetProperty("boundPValue").GetDouble(), 1e-6, 1);
            Assert.True(row.GetProperty("initAgreesWithTheorem3").GetBoolean(), key);
            Assert.InRange(row.GetProperty("trainableAtInit").GetInt32(), 0, runs);
        }
        Assert.True(File.Exists(Path.Combine(dir, "train-success.csv")));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(dir, "train-success.csv")).Length);
    }

    private static JsonElement[] Rows(string dir, string target, string widths)
    {
        var r = Cli.Run("train-success", "--targets", target, "--widths", widths, "--runs", "200", "--epochs", "400", "--seed", "2",
            "--format", "json", "--no-plot", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return [.. JsonSerializer.Deserialize<JsonElement>(r.Stdout).EnumerateArray()];
    }

    [Fact]
    public void Plots_one_figure_per_target()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("train-success", "--targets", "f2", "--widths", "4,5", "--runs", "4", "--epochs", "5", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(Path.Combine(dir, "train-success-f2.png")));
        Assert.True(File.Exists(Path.Combine(dir, "train-success-f2.svg")));
        Assert.False(File.Exists(Path.Combine(dir, "train-success-f1.png")));
    }
}
