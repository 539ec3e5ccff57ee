namespace ReluKernels.Cli.Tests;

/// <summary>
/// docs/monte-carlo.md#reproducibility-contract: the counts of a run do not depend on the ISA path. The same runs are repeated in child processes with
/// AVX-512, then AVX2 (and FMA), then all hardware intrinsics switched off, and must print identical JSON. This covers
/// the RNG's vector paths, the lane engines' Vector512 arithmetic on hardware that emulates it, and the double-precision
/// piecewise-linear engine.
/// </summary>
public sealed class IsaReproducibilityTests
{
    // One string per run (split on spaces in the test), so xunit shows each run's settings readably.
    public static TheoryData<string> Runs => new()
    {
        "--weights HeNormal --trials 30000",
        "--weights Orthogonal --trials 30000",
        "--weights SymmetricUniform --bias-std 0.5 --trials 3000",
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Counts_are_identical_on_every_isa_path(string settings)
    {
        string[] args = ["collapse", "--widths", "2,5", "--depths", "1..8", "--seed", "3", "--no-plot", "--format", "json", .. settings.Split(' ')];
        var reference = Cli.Run([.. args, "--out", Cli.TempDirectory()]);
        Assert.True(reference.ExitCode == 0, reference.Stderr);
        foreach (string knob in new[] { "DOTNET_EnableAVX512", "DOTNET_EnableAVX2", "DOTNET_EnableHWIntrinsic" })
        {
            var reduced = Cli.RunWithEnvironment(new Dictionary<string, string> { [knob] = "0" }, [.. args, "--out", Cli.TempDirectory()]);
            Assert.True(reduced.ExitCode == 0, $"{knob}=0: {reduced.Stderr}");
            Assert.True(reference.Stdout == reduced.Stdout, $"{knob}=0 changed the counts");
        }
    }
}
