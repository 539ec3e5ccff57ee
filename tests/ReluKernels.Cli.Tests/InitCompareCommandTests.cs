using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The init-compare command's output contract and the dead-neuron facts the initialisations guarantee.</summary>
public sealed class InitCompareCommandTests
{
    [Fact]
    public void Json_has_one_report_per_task_and_initialisation_with_curves()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("init-compare", "--tasks", "two-sines,f3", "--runs", "2", "--epochs", "40", "--format", "json", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["two-sines/he-with-bias", "two-sines/he-without-bias", "two-sines/data-dependent", "f3/he-with-bias", "f3/he-without-bias", "f3/data-dependent"],
            rows.Select(x => $"{x.GetProperty("task").GetString()}/{x.GetProperty("initializer").GetString()}"));
        foreach (var row in rows)
        {
            int points = row.GetProperty("curveEpochs").GetArrayLength();
            Assert.Equal(40, points); // 40 epochs, recorded every max(1, 40/200) = 1
            Assert.Equal(points, row.GetProperty("curveMean").GetArrayLength());
            Assert.Equal(points, row.GetProperty("curveSd").GetArrayLength());
            Assert.Equal(2, row.GetProperty("finalRmse").GetArrayLength());
            Assert.True(row.GetProperty("deadNeuronsExact").GetBoolean()); // 1-D: piecewise-linear; f3 (2-D): exact polygons
        }
        var f3 = rows.Where(x => x.GetProperty("task").GetString() == "f3").ToDictionary(x => x.GetProperty("initializer").GetString()!);
        // Zero biases put every hyperplane through the origin, and the data-dependent one through an interior training point:
        // no neuron can be dead on the cube. Random biases kill some (2 × 100 neurons here).
        Assert.Equal(0, f3["he-without-bias"].GetProperty("meanDeadAtInit").GetDouble());
        Assert.Equal(0, f3["data-dependent"].GetProperty("meanDeadAtInit").GetDouble());
        Assert.True(f3["he-with-bias"].GetProperty("meanDeadAtInit").GetDouble() > 0);
        Assert.Equal("1→[500×1]→1 ReLU", rows[0].GetProperty("architecture").GetString());
        Assert.Equal("2→[100×1]→1 ReLU", rows[3].GetProperty("architecture").GetString());
        foreach (string file in new[] { "init-compare.csv", "init-compare.json", "init-compare-two-sines.png", "init-compare-two-sines-fit.svg", "init-compare-f3.png" })
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        Assert.False(File.Exists(Path.Combine(dir, "init-compare-f3-fit.png")));
    }
}
