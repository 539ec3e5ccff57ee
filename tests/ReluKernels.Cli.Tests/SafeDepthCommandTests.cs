using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The safe-depth command's output contract.</summary>
public sealed class SafeDepthCommandTests
{
    [Fact]
    public void Reports_each_width_and_p_beside_equation_5()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("safe-depth", "--widths", "3,6", "--p", "0.05,0.2", "--trials", "40000", "--format", "json", "--no-plot", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(4, rows.Length);
        foreach (var row in rows)
        {
            int width = row.GetProperty("width").GetInt32(), safe = row.GetProperty("safeDepth").GetInt32();
            double p = row.GetProperty("p").GetDouble();
            Assert.Equal(Math.Log(1 - p) / Math.Log(1 - Math.Pow(2, -width)), row.GetProperty("equation5").GetDouble(), 9);
            // Theorem 8 bounds collapse from above, so Eq. (5)'s depth is safe: the simulated safe depth cannot be smaller
            // except through the 95% margin, which at these sample sizes costs at most one layer.
            Assert.True(safe >= row.GetProperty("equation5Depth").GetInt32() - 1, $"width {width}, p {p}: safe depth {safe}");
            Assert.True(safe <= row.GetProperty("estimatedDepth").GetInt32());
            Assert.True(row.GetProperty("maxPlausibleDepth").GetInt32() >= row.GetProperty("estimatedDepth").GetInt32());
        }
    }
}
