using System.Text.Json;
using ReluKernels.Cli;

namespace ReluKernels.Cli.Tests;

/// <summary><c>train-collapse --optimizer all</c>: Lu et al.'s eight optimisers on the same seeds, one row each, in process.</summary>
[Collection(nameof(ConsoleSwappingTests))]
public sealed class OptimizerComparisonTests
{
    // Lu et al. 2019, Sec. 2, in their order, as the reports name them.
    private static readonly string[] LuEtAl = ["SGD(lr ", "SGD(lr 0.001, Nesterov momentum", "AdaGrad(", "AdaDelta(", "RMSProp(", "Adam(", "BFGS(", "L-BFGS("];

    [Fact]
    public void All_runs_the_eight_optimisers_on_the_same_networks()
    {
        string dir = Cli.TempDirectory();
        var r = InProcessCli.Run("train-collapse", "--optimizer", "all", "--runs", "12", "--epochs", "20", "--seed", "2", "--threads", "1",
            "--format", "json", "--out", dir);
        Assert.True(r.ExitCode == ExitCodes.Success, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var reports = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(LuEtAl.Length, reports.Length);
        int? bornDead = null;
        for (int i = 0; i < reports.Length; i++)
        {
            var report = reports[i];
            string optimizer = report.GetProperty("optimizer").GetString()!;
            Assert.StartsWith(LuEtAl[i], optimizer, StringComparison.Ordinal);
            int runs = report.GetProperty("runs").GetInt32();
            Assert.Equal(12, runs);
            Assert.Equal(runs, report.GetProperty("collapsed").GetInt32() + report.GetProperty("partiallyCollapsed").GetInt32()
                + report.GetProperty("successful").GetInt32() + report.GetProperty("failed").GetInt32() + report.GetProperty("diverged").GetInt32());
            // Same seeds: the same initial networks, hence the same born-dead count, under every optimiser.
            int dead = report.GetProperty("collapsedAtInit").GetInt32();
            Assert.Equal(bornDead ?? dead, dead);
            bornDead = dead;
        }
        var csv = File.ReadAllLines(Path.Combine(dir, "train-collapse-abs-mse-optimizers.csv"));
        Assert.Equal(LuEtAl.Length + 1, csv.Length);
        Assert.StartsWith("optimizer,runs,collapsed,collapsedLow,collapsedHigh", csv[0], StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp*"));
    }

    [Theory]
    [InlineData("--lr", "--optimizer", "all", "--lr", "0.01")]
    [InlineData("--lr", "--optimizer", "bfgs", "--lr", "0.01")]
    [InlineData("rprop", "--optimizer", "rprop")]
    [InlineData("--momentum", "--optimizer", "adagrad", "--momentum", "0.5")]
    public void Bad_optimizer_arguments_are_one_usage_line(string named, params string[] args)
    {
        var r = InProcessCli.Run(["train-collapse", "--runs", "1", "--epochs", "1", "--out", Cli.TempDirectory(), .. args]);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        string line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("relukernels: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }
}
