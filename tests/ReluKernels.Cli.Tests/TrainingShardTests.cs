using System.Text.Json;
using System.Text.Json.Nodes;
using ReluKernels.Cli.InitCompare;
using ReluKernels.Cli.State;
using ReluKernels.Cli.TrainCollapse;
using ReluKernels.Cli.TrainingState;
using ReluKernels.Cli.TrainRemedies;
using ReluKernels.Cli.TrainSuccess;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Tests;

/// <summary>
/// The training commands shard, checkpoint and merge exactly: merged shards (in any order) and a resumed checkpoint give the
/// csv and json of one unsharded run byte for byte; a changed argument, and a missing, repeated, foreign or tampered shard, are refused.
/// </summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class TrainingShardTests
{
    /// <summary>Per command: a tiny command line, its output stem and how to rebuild its plan from a state file's arguments.</summary>
    public static TheoryData<string> Commands => ["train-collapse", "train-success", "init-compare", "train-remedies"];

    private static string[] Args(string command, string seed = "3") => command switch
    {
        "train-collapse" => ["train-collapse", "--loss", "mse", "--runs", "7", "--epochs", "12", "--seed", seed],
        "train-success" => ["train-success", "--targets", "f1", "--widths", "2,3", "--runs", "5", "--epochs", "8", "--seed", seed],
        "train-remedies" => ["train-remedies", "--remedies", "he,batch-norm,weight-norm,dropout", "--runs", "5", "--epochs", "6", "--seed", seed],
        _ => ["init-compare", "--tasks", "f3", "--runs", "3", "--epochs", "6", "--seed", seed],
    };

    private static string Stem(string command) => command switch
    {
        "train-collapse" => "train-collapse-abs-mse",
        "train-remedies" => "train-remedies-abs",
        _ => command,
    };

    private static Func<IReadOnlyDictionary<string, string>, TrainingPlan?> PlanOf(string command) => command switch
    {
        "train-collapse" => TrainCollapseCommand.PlanOf,
        "train-success" => TrainSuccessCommand.PlanOf,
        "train-remedies" => TrainRemediesCommand.PlanOf,
        _ => InitCompareCommand.PlanOf,
    };

    private static CliResult Run(string command, params string[] more) => InProcessCli.Run([.. Args(command), "--no-plot", "--format", "csv", .. more]);

    /// <summary>The unsharded run's csv and json.</summary>
    private static (byte[] Csv, byte[] Json) Whole(string command)
    {
        string dir = Cli.TempDirectory();
        var r = Run(command, "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return Outputs(dir, command);
    }

    private static (byte[] Csv, byte[] Json) Outputs(string dir, string command) =>
        (File.ReadAllBytes(Path.Combine(dir, Stem(command) + ".csv")), File.ReadAllBytes(Path.Combine(dir, Stem(command) + ".json")));

    /// <summary>Shard files 0..n−1 of <paramref name="command"/>, in one directory.</summary>
    private static string[] Shards(string command, int n)
    {
        string dir = Cli.TempDirectory();
        var files = new string[n];
        for (int k = 0; k < n; k++)
        {
            var r = Run(command, "--out", dir, "--shard", $"{k}/{n}");
            Assert.True(r.ExitCode == 0, r.Stderr);
            files[k] = Path.Combine(dir, $"{command}.shard-{k}-of-{n}.json");
        }
        Assert.Equal(files.Order(), Directory.GetFiles(dir).Order()); // a shard writes only its shard file
        return files;
    }

    private static CliResult Merge(string output, IEnumerable<string> files) =>
        InProcessCli.Run(["merge", .. files, "--out", output, "--no-plot", "--format", "csv"]);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Shards_merged_in_a_shuffled_order_equal_the_unsharded_run(string command)
    {
        var whole = Whole(command);
        // Four shards of fewer runs than that (init-compare has 3): an empty shard merges too.
        var files = Shards(command, 4);
        string merged = Cli.TempDirectory();
        var r = Merge(merged, files.OrderBy(f => f.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995));
        Assert.True(r.ExitCode == 0, r.Stderr);
        var (csv, json) = Outputs(merged, command);
        Assert.Equal(whole.Csv, csv);
        Assert.Equal(whole.Json, json);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_interrupted_checkpoint_resumes_to_the_unsharded_bytes(string command)
    {
        var whole = Whole(command);
        string dir = Cli.TempDirectory(), checkpoint = Path.Combine(dir, "checkpoint.json");
        Assert.Equal(0, Run(command, "--out", Path.Combine(dir, "first"), "--checkpoint", checkpoint).ExitCode);
        // What a run stopped part-way leaves: the runs finished so far, in any subset (workers finish out of order).
        var state = TrainingStateFile.Load(checkpoint, command, PlanOf(command));
        var partial = state.Runs.Select((c, i) => c with { Runs = [.. c.Runs.Where(run => (run.Run + i) % 3 == 1)] }).ToList();
        Assert.True(partial.Sum(c => c.Runs.Count) < state.Runs.Sum(c => c.Runs.Count));
        TrainingStateFile.Save(checkpoint, state.Config, Shard.Whole, partial);

        string resumed = Path.Combine(dir, "resumed");
        var r = Run(command, "--out", resumed, "--checkpoint", checkpoint, "--threads", "1");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var (csv, json) = Outputs(resumed, command);
        Assert.Equal(whole.Csv, csv);
        Assert.Equal(whole.Json, json);
    }

    [Theory]
    [InlineData("train-collapse", "--epochs", "13", "--epochs 12", "--epochs 13")]
    [InlineData("train-collapse", "--loss", "mae", "--loss mse", "--loss mae")]
    [InlineData("train-success", "--widths", "2,4", "--widths 2,3", "--widths 2,4")]
    [InlineData("init-compare", "--seed", "4", "--seed 3", "--seed 4")]
    [InlineData("train-remedies", "--remedies", "he,dropout", "--remedies he,batch-norm,weight-norm,dropout", "--remedies he,dropout")]
    public void Resuming_with_a_changed_argument_is_refused_naming_it(string command, string option, string value, string stored, string current)
    {
        string dir = Cli.TempDirectory(), checkpoint = Path.Combine(dir, "checkpoint.json");
        Assert.Equal(0, Run(command, "--out", dir, "--checkpoint", checkpoint).ExitCode);
        byte[] before = File.ReadAllBytes(checkpoint);
        string[] changed = [.. Args(command)];
        changed[Array.IndexOf(changed, option) + 1] = value;
        string other = Path.Combine(dir, "other");
        var r = InProcessCli.Run([.. changed, "--no-plot", "--out", other, "--checkpoint", checkpoint]);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Equal($"relukernels: checkpoint '{checkpoint}' was made with {stored}; this run has {current}",
            Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(before, File.ReadAllBytes(checkpoint));
        Assert.False(Directory.Exists(other));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Merge_refuses_missing_repeated_foreign_and_tampered_shards(string command)
    {
        var files = Shards(command, 2);
        string foreignDir = Cli.TempDirectory();
        Assert.Equal(0, InProcessCli.Run([.. Args(command, seed: "9"), "--no-plot", "--out", foreignDir, "--shard", "1/2"]).ExitCode);
        string foreign = Path.Combine(foreignDir, $"{command}.shard-1-of-2.json");

        // Tampered twice: a value edited (checksum mismatch), and a run moved to the other shard with the checksum recomputed.
        string edited = Path.Combine(Cli.TempDirectory(), "edited.json");
        var editedNode = JsonNode.Parse(File.ReadAllText(files[1]))!;
        editedNode["payload"]!["cells"]![0]!["runs"]![0]!["finalLoss"] = 0.5;
        File.WriteAllText(edited, editedNode.ToJsonString(Output.Json.Options));
        string moved = Path.Combine(Cli.TempDirectory(), "moved.json");
        var node = JsonNode.Parse(File.ReadAllText(files[1]))!;
        var firstRun = node["payload"]!["cells"]![0]!["runs"]![0]!;
        firstRun["run"] = firstRun["run"]!.GetValue<int>() - 1;
        node["checksum"] = "";
        var envelope = node.Deserialize<StateEnvelope<TrainingStatePayload>>(Output.Json.Options)!;
        node["checksum"] = StateFile.ChecksumOf(envelope);
        File.WriteAllText(moved, node.ToJsonString(Output.Json.Options));

        (string[] Files, string Expected)[] cases =
        [
            ([files[0]], "shard 1 is missing from 0..1"),
            ([files[0], files[1], files[1]], "repeats shard 1/2"),
            ([files[0], foreign], "was made with --seed 9"),
            ([files[0], edited], "was modified after it was written"),
            ([files[0], moved], "does not belong to shard 1/2"),
        ];
        foreach (var (given, expected) in cases)
        {
            string output = Cli.TempDirectory();
            var r = Merge(output, given);
            Assert.Equal(ExitCodes.UsageError, r.ExitCode);
            Assert.Contains(expected, Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(output));
        }
    }

    [Fact]
    public void Runs_beyond_the_limit_are_refused_before_any_work()
    {
        string dir = Path.Combine(Cli.TempDirectory(), "out");
        var r = InProcessCli.Run("train-collapse", "--runs", (TrainCollapseCommand.MaxRuns + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Equal($"relukernels: --runs must be an integer in 1..{TrainCollapseCommand.MaxRuns}, got '{TrainCollapseCommand.MaxRuns + 1}'",
            Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(Directory.Exists(dir));
    }
}
