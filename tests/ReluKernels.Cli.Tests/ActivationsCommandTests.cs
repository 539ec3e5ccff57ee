using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The activations command's output contract.</summary>
public sealed class ActivationsCommandTests
{
    [Fact]
    public void Reports_every_activation_with_mu_and_the_dual()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("activations", "--format", "json", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(5, rows.Count(row => row.GetProperty("inPaperTable").GetBoolean()));
        var relu = rows.Single(row => row.GetProperty("activation").GetString() == "relu");
        // ReLU: shift 1/√(2π), factor 1/√(1/2 − 1/(2π)), μ = (π − 2)/(2(π − 1)); the normalised dual vanishes at 0.
        Assert.Equal(1 / Math.Sqrt(2 * Math.PI), relu.GetProperty("shift").GetDouble(), 1e-12);
        Assert.Equal(1 / Math.Sqrt(0.5 - 0.5 / Math.PI), relu.GetProperty("factor").GetDouble(), 1e-11);
        Assert.Equal((Math.PI - 2) / (2 * (Math.PI - 1)), relu.GetProperty("nonLinearity").GetDouble(), 1e-11);
        Assert.Equal(0, relu.GetProperty("dual")[0].GetDouble(), 1e-12);
        foreach (var row in rows)
        {
            double mu = row.GetProperty("nonLinearity").GetDouble();
            Assert.InRange(mu, 0, 1);
            if (row.GetProperty("closedFormNonLinearity").ValueKind == JsonValueKind.Number)
                Assert.Equal(row.GetProperty("closedFormNonLinearity").GetDouble(), mu, 1e-10);
        }
        Assert.True(File.Exists(Path.Combine(dir, "activations.csv")));
        Assert.Equal(r.Stdout.TrimEnd(), File.ReadAllText(Path.Combine(dir, "activations.json")).TrimEnd());
    }
}
