using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary><c>train-collapse --balance</c> and <c>--redundancy-weight</c> in process: the hook is reported, changes the trainings, and the dead-neuron mean is the rows'.</summary>
[Collection(nameof(ConsoleSwappingTests))]
public sealed class TrainCollapseBalanceTests
{
    private static JsonElement Run(params string[] balance)
    {
        var r = InProcessCli.Run(["train-collapse", "--runs", "40", "--epochs", "20", "--seed", "5", "--format", "json", "--no-plot", "--out", Cli.TempDirectory(), .. balance]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        return json.RootElement.Clone();
    }

    private static double[] FinalLosses(JsonElement report) =>
        [.. report.GetProperty("trainings").EnumerateArray().Select(t => t.GetProperty("finalLoss").GetDouble())];

    [Fact]
    public void Balance_modes_are_reported_and_change_the_trainings()
    {
        var plain = Run();
        var project = Run("--balance", "project");
        var penalty = Run("--balance", "penalty", "--balance-weight", "0.5");
        Assert.Equal("none", plain.GetProperty("balance").GetString());
        Assert.StartsWith("projection", project.GetProperty("balance").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("penalty 0.5 ", penalty.GetProperty("balance").GetString(), StringComparison.Ordinal);
        // About 90% of these networks are born dead, and on those the projection provably changes nothing (zero hidden
        // gradients, same function): 40 runs make sure some live ones are there to differ.
        Assert.NotEqual(FinalLosses(plain), FinalLosses(project));
        Assert.NotEqual(FinalLosses(plain), FinalLosses(penalty));
        // A zero weight is plain training: the penalty adds exactly zero to every gradient.
        Assert.Equal(FinalLosses(plain), FinalLosses(Run("--balance", "penalty", "--balance-weight", "0")));
        foreach (var report in new[] { plain, project, penalty })
        {
            var dead = report.GetProperty("trainings").EnumerateArray().Select(t => t.GetProperty("deadHiddenNeurons").GetInt32()).ToArray();
            Assert.Equal(dead.Average(), report.GetProperty("meanDeadHiddenNeurons").GetDouble(), 12);
            Assert.Equal(FinalLosses(report).Order().First(), report.GetProperty("finalLoss").GetProperty("min").GetDouble());
        }
    }

    [Fact]
    public void The_redundancy_penalty_is_reported_after_the_balance_hook_and_changes_the_trainings()
    {
        var plain = Run();
        var redundancy = Run("--redundancy-weight", "0.5");
        Assert.Equal("none; redundancy penalty 0.5 · Σ_{i<j} max(0, cos(a_i, a_j))²", redundancy.GetProperty("balance").GetString());
        Assert.NotEqual(FinalLosses(plain), FinalLosses(redundancy));
        // A zero weight is off: plain training, reported as such.
        var off = Run("--redundancy-weight", "0");
        Assert.Equal("none", off.GetProperty("balance").GetString());
        Assert.Equal(FinalLosses(plain), FinalLosses(off));
    }
}
