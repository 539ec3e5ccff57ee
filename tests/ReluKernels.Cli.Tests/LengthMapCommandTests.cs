using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The length-map command in process: its defaults, outputs and refusals.</summary>
[Collection(nameof(ConsoleSwappingTests))]
public sealed class LengthMapCommandTests
{
    [Fact]
    public void Defaults_give_every_kernel_activation_under_three_initialisers()
    {
        string dir = Cli.TempDirectory();
        var r = InProcessCli.Run("length-map", "--format", "json", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        // relu, normalised-relu, norm-relu, two leaky ReLUs, elu, selu: 7 × (He, LeCun, Glorot).
        Assert.Equal(21, runs.Length);
        var relu = runs.Where(x => x.GetProperty("activation").GetString() == "relu").ToArray();
        Assert.Equal(["he", "leCun", "glorot"], relu.Select(x => x.GetProperty("init").GetString()));
        // He, no bias, q⁰ = 1: E[q^l] = 2 in every layer (Lu et al. 2019, Eq. (3)); LeCun halves it per layer.
        Assert.All(relu[0].GetProperty("layers").EnumerateArray(), l => Assert.Equal(2, l.GetProperty("recursion").GetDouble()));
        Assert.Equal(Math.Pow(2, -19), relu[1].GetProperty("layers")[19].GetProperty("recursion").GetDouble());
        foreach (string file in new[] { "length-map.csv", "length-map.json", "length-map-1.png", "length-map-7.svg", "length-map.provenance.json" })
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        Assert.DoesNotContain("NaN", File.ReadAllText(Path.Combine(dir, "length-map.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void One_activation_and_initialiser_gives_one_csv_row_per_layer()
    {
        var r = InProcessCli.Run("length-map", "--activation", "selu", "--init", "lecun", "--depth", "3", "--width", "4", "--trials", "8",
            "--bias-std", "0.1", "--no-plot", "--format", "csv", "--out", Cli.TempDirectory());
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);                                      // header + three layers
        Assert.All(lines.Skip(1), l => Assert.StartsWith("selu,LeCun,4,0.1,8,", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--width", "0", "--width")]
    [InlineData("--depth", "0", "--depth")]
    [InlineData("--bias-std", "-0.5", "--bias-std")]
    [InlineData("--activation", "softplus", "--activation")]
    [InlineData("--activation", "normalised-tanh", "no kernel")]
    [InlineData("--init", "Xavier", "--init")]
    public void Bad_options_are_usage_errors(string option, string value, string message)
    {
        var r = InProcessCli.Run("length-map", option, value, "--trials", "2", "--no-plot", "--out", Cli.TempDirectory());
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("relukernels: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
