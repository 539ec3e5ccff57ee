using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The degeneracy command's output contract and its usage errors, in process with a tiny budget.</summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class DegeneracyCommandTests
{
    [Fact]
    public void Tabulates_the_families_and_the_restricted_space_study()
    {
        string dir = Cli.TempDirectory();
        var r = InProcessCli.Run("degeneracy", "--steps", "3", "--pairs", "6", "--width", "2", "--format", "json", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var families = json.RootElement.GetProperty("families").EnumerateArray().ToArray();
        Assert.Equal(5 * 3, families.Length);
        Assert.Equal(["2.1", "2.2", "2.3", "2.4", "2.5"], families.Select(f => f.GetProperty("example").GetString()).Distinct());
        // Example 2.2's member ε = 10^-3: Γ = (−1, 0) against (√ε, √ε), realisation distance ε in both norms.
        var member = families.Single(f => f.GetProperty("example").GetString() == "2.2" && f.GetProperty("parameter").GetDouble() == 1e-3);
        Assert.Equal(1e-3, member.GetProperty("uniform").GetDouble(), 1e-15);
        Assert.Equal(1e-3, member.GetProperty("sobolevSemiNorm").GetDouble(), 1e-15);
        Assert.True(member.GetProperty("parameterDistance").GetDouble() >= 1);
        var study = json.RootElement.GetProperty("restrictedSpace");
        Assert.Equal(6, study.GetProperty("pairs").GetArrayLength());
        Assert.Equal(6, study.GetProperty("restricted").GetProperty("count").GetInt32());
        Assert.Equal(r.Stdout.TrimEnd(), File.ReadAllText(Path.Combine(dir, "degeneracy.json")).TrimEnd());
        Assert.Equal(1 + 5 * 3, File.ReadAllLines(Path.Combine(dir, "degeneracy.csv")).Length);
        foreach (string file in new[] { "degeneracy.png", "degeneracy.svg", "degeneracy-restricted.png", "degeneracy.provenance.json" })
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
    }

    [Theory]
    [InlineData("--tolerance", "0")]
    [InlineData("--tolerance", "-1")]
    [InlineData("--width", "0")]
    [InlineData("--steps", "0")]
    [InlineData("--pairs", "0")]
    public void Bad_input_is_one_line_and_exit_2(string option, string value)
    {
        var r = InProcessCli.Run("degeneracy", option, value, "--no-plot", "--out", Cli.TempDirectory());
        Assert.Equal(2, r.ExitCode);
        string line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("relukernels: ", line, StringComparison.Ordinal);
        Assert.Contains(option, line, StringComparison.Ordinal);
    }
}
