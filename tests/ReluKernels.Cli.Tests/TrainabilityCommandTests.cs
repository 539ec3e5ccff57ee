using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The trainability and active-neurons commands' output contracts.</summary>
public sealed class TrainabilityCommandTests
{
    [Fact]
    public void Trainability_json_holds_theory_and_simulation_per_width()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("trainability", "--input-dim", "1", "--radius", "1", "--required", "2", "--widths", "2,500", "--trials", "20000",
            "--format", "json", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal([2, 500], rows.Select(x => x.GetProperty("width").GetInt32()));
        foreach (var row in rows)
        {
            int n = row.GetProperty("width").GetInt32();
            // d = 1, r = 1: p̂ = arctan(1)/π = 1/4 (Lemma 11), mean active n·3/4, trainability 1 − (1/4)ⁿ − n(3/4)(1/4)ⁿ⁻¹.
            Assert.Equal(0.25, row.GetProperty("pHat").GetDouble(), 12);
            Assert.Equal(0.75 * n, row.GetProperty("meanActive").GetDouble(), 9);
            Assert.Equal(1 - Math.Pow(0.25, n) - n * 0.75 * Math.Pow(0.25, n - 1), row.GetProperty("trainability").GetDouble(), 12);
            Assert.True(row.GetProperty("agrees").GetBoolean());
            double simulated = row.GetProperty("simulatedTrainability").GetDouble();
            Assert.InRange(row.GetProperty("trainability").GetDouble(), row.GetProperty("trainabilityCiLow").GetDouble() - 0.01,
                row.GetProperty("trainabilityCiHigh").GetDouble() + 0.01);
            Assert.InRange(simulated, 0, 1);
            Assert.True(row.TryGetProperty("simulatedMeanActive", out _));
        }
        foreach (string ext in new[] { "csv", "json", "png", "svg" })
            Assert.True(File.Exists(Path.Combine(dir, "trainability." + ext)), ext);
    }

    [Fact]
    public void Active_neurons_reports_fig_7_bins_with_lemma_13_and_14_and_trainability()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("active-neurons", "--architecture", "1,6,4,2", "--required", "2,2,1", "--trials", "20000", "--format", "json", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var bins = json.RootElement.GetProperty("bins").EnumerateArray().ToArray();
        Assert.Equal(3 * (7 + 5 + 3), bins.Length); // three default schemes, layers of 6, 4, 2 neurons
        foreach (var scheme in bins.GroupBy(b => b.GetProperty("scheme").GetString()))
            foreach (var layer in scheme.GroupBy(b => b.GetProperty("layer").GetInt32()))
                Assert.Equal(20000, layer.Sum(b => b.GetProperty("count").GetInt64()));
        // Layer 1 always has Lemma 13; layer 2 has Lemma 14 except for the bias-in-layer-1 scheme (n₁ = 6 > 1); layer 3 none.
        Assert.All(bins.Where(b => b.GetProperty("layer").GetInt32() == 1), b => Assert.Equal("Lemma 13", b.GetProperty("theorySource").GetString()));
        Assert.Equal(["Lemma 14 (a)", "Lemma 14 (b)"], bins.Where(b => b.GetProperty("layer").GetInt32() == 2)
            .Select(b => b.GetProperty("theorySource").GetString()).Where(s => s is not null).Distinct().Order());
        Assert.All(bins.Where(b => b.GetProperty("layer").GetInt32() == 3), b => Assert.Equal(JsonValueKind.Null, b.GetProperty("theory").ValueKind));
        Assert.All(bins.Where(b => b.GetProperty("agrees").ValueKind != JsonValueKind.Null), b => Assert.True(b.GetProperty("agrees").GetBoolean()));
        var checks = json.RootElement.GetProperty("trainability").EnumerateArray().ToArray();
        Assert.Equal(3, checks.Length);
        foreach (string ext in new[] { "csv", "json", "1.png", "3.svg" })
            Assert.True(File.Exists(Path.Combine(dir, ext.Contains('.') ? "active-neurons-" + ext : "active-neurons." + ext)), ext);
        Assert.True(File.Exists(Path.Combine(dir, "active-neurons-trainability.csv")));
    }

    [Fact]
    public void Active_neurons_without_required_counts_accepts_the_unit_scheme_and_states_the_sigma_caveat()
    {
        string dir = Cli.TempDirectory();
        // No --required: the table of bins only (this exited 2 when an absent --required read as an empty list).
        var r = Cli.Run("active-neurons", "--architecture", "1,2,2", "--schemes", "sphere-nobias+normal-bias,sphere-nobias+normal-bias-unit",
            "--trials", "8192", "--no-plot", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("give no σ", r.Stdout);
        Assert.Contains("normal-bias-unit: [W, b] ~ N(0, 1).", r.Stdout);
        Assert.False(File.Exists(Path.Combine(dir, "active-neurons-trainability.csv")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "active-neurons.json")));
        Assert.Equal(["sphere-nobias+normal-bias", "sphere-nobias+normal-bias-unit"],
            json.RootElement.GetProperty("bins").EnumerateArray().Select(b => b.GetProperty("scheme").GetString()).Distinct());
    }

    [Fact]
    public void Depth_three_trainability_is_compared_with_theorem_8()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("active-neurons", "--architecture", "1,1,2", "--schemes", "sphere-bias+normal-nobias", "--required", "1,2",
            "--trials", "40000", "--format", "json", "--no-plot", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var check = json.RootElement.GetProperty("trainability")[0];
        // Case (c): exact = (1 − p̂)·P(Bin(2, ½) ≥ 2) = (3/4)(1/4) = 3/16; printed Theorem 8 = 1/2, not a bound.
        Assert.Equal(3.0 / 16, check.GetProperty("exact").GetDouble(), 9);
        Assert.Equal(0.5, check.GetProperty("paperLowerBound").GetDouble(), 9);
        Assert.False(check.GetProperty("respectsPaperLowerBound").GetBoolean());
        Assert.Empty(check.GetProperty("disagreements").EnumerateArray());
    }
}
