using System.Text.Json;
using System.Text.Json.Nodes;
using ReluKernels.Cli.Collapse;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Sampling;
using ReluKernels.Cli.SafeDepth;
using ReluKernels.Cli.State;
using ReluKernels.Cli.Trainability;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Cli.Tests;

/// <summary>
/// safe-depth, trainability and active-neurons shard, checkpoint and merge like collapse: shards merged in any order, and
/// a checkpoint interrupted after a round and resumed, give the unsharded run's files byte for byte; a resume with another
/// argument and a missing, repeated, foreign or tampered shard are refused with one line.
/// </summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class SamplingShardTests
{
    // Each budget spans several blocks (16384 trials for safe-depth, 4096 for the others), so every shard and round has some.
    private static readonly Dictionary<string, string[]> Commands = new()
    {
        ["safe-depth"] = ["safe-depth", "--widths", "3,4", "--p", "0.1,0.2", "--trials", "70000", "--seed", "3", "--no-plot"],
        ["trainability"] = ["trainability", "--input-dim", "1", "--radius", "1", "--required", "2", "--widths", "2,5", "--delta", "0.05",
            "--trials", "30000", "--seed", "3", "--no-plot"],
        ["active-neurons"] = ["active-neurons", "--architecture", "1,3,2", "--required", "1,1", "--radius", "1", "--trials", "30000", "--seed", "3", "--no-plot"],
    };

    private static readonly Dictionary<string, string[]> ResultFiles = new()
    {
        ["safe-depth"] = ["safe-depth.csv", "safe-depth.json"],
        ["trainability"] = ["trainability.csv", "trainability.json"],
        ["active-neurons"] = ["active-neurons.csv", "active-neurons.json", "active-neurons-trainability.csv"],
    };

    public static TheoryData<string> Names => [.. Commands.Keys];

    private static string[] Args(string command, params string[] extra) => [.. Commands[command], .. extra];

    /// <summary>The command line of <paramref name="command"/> with <paramref name="option"/> set to <paramref name="value"/> (replaced if it has it).</summary>
    private static string[] With(string command, string option, string value)
    {
        var args = Commands[command].ToList();
        int at = args.IndexOf(option);
        if (at < 0)
            args.AddRange([option, value]);
        else
            args[at + 1] = value;
        return [.. args];
    }

    private static void AssertSameResults(string command, string expectedDirectory, string actualDirectory)
    {
        foreach (string file in ResultFiles[command])
            Assert.True(File.ReadAllBytes(Path.Combine(expectedDirectory, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(actualDirectory, file))), $"{file} differs");
    }

    private static string Whole(string command)
    {
        string whole = Cli.TempDirectory();
        var r = InProcessCli.Run(Args(command, "--out", whole, "--format", "csv"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        return whole;
    }

    private static string[] Shards(string command, string directory, int count, params string[] change)
    {
        for (int k = 0; k < count; k++)
        {
            var r = InProcessCli.Run([.. change.Length == 0 ? Commands[command] : With(command, change[0], change[1]), "--out", directory, "--shard", $"{k}/{count}"]);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains($"relukernels merge", r.Stdout);
        }
        return [.. Enumerable.Range(0, count).Select(k => Path.Combine(directory, $"{command}.shard-{k}-of-{count}.json"))];
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Shards_merged_in_any_order_equal_the_unsharded_run(string command)
    {
        string whole = Whole(command), parts = Cli.TempDirectory(), merged = Cli.TempDirectory();
        var files = Shards(command, parts, 3);
        // Shards sharing one --out write only their own shard files.
        Assert.Equal(files.Order(), Directory.GetFiles(parts).Order());
        var order = new Random(20260101);
        var shuffled = files.OrderBy(_ => order.Next()).ToArray();
        var m = InProcessCli.Run(["merge", .. shuffled, "--out", merged, "--format", "csv", "--no-plot"]);
        Assert.True(m.ExitCode == 0, $"merge {string.Join(' ', shuffled)}: {m.Stderr}");
        AssertSameResults(command, whole, merged);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_checkpoint_interrupted_after_a_round_resumes_to_the_unsharded_bytes(string command)
    {
        string whole = Whole(command), dir = Cli.TempDirectory(), checkpoint = Path.Combine(dir, "state.json");
        long blocksDone = Interrupt(command, checkpoint);
        Assert.InRange(blocksDone, 1, 7); // a partial checkpoint: the first run stopped after its first round of 4 blocks
        var r = InProcessCli.Run(Args(command, "--out", dir, "--checkpoint", checkpoint, "--format", "csv", "--threads", "2"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        AssertSameResults(command, whole, dir);
    }

    /// <summary>
    /// Runs <paramref name="command"/>'s runner as the CLI does (the same arguments as <see cref="Commands"/>, one thread so a
    /// round is 4 blocks), cancels it after its first round and leaves its checkpoint in <paramref name="checkpoint"/>.
    /// </summary>
    /// <returns>The blocks of the first run in the checkpoint.</returns>
    private static long Interrupt(string command, string checkpoint)
    {
        using var cancel = new CancellationTokenSource();
        void Stop(long done, long planned) => cancel.Cancel();
        switch (command)
        {
            case "safe-depth":
                {
                    var config = new SafeDepthRunConfig([3, 4], [0.1, 0.2], WeightDistribution.HeNormal, EngineKind.Auto, 70_000, 3, MonteCarloOptions.DefaultBlockSize);
                    var options = config.Options(Shard.Whole) with { Threads = 1 };
                    var runs = new CollapseGridRunner<SafeDepthRunConfig>(options, new(checkpoint, config)).Run(config.Experiments(), config.Engine, Stop, cancel.Token);
                    Assert.False(runs[0].Complete);
                    return CollapseStateFile.Load<SafeDepthRunConfig>(checkpoint).Runs[0].BlocksDone;
                }
            case "trainability":
                {
                    var config = new TrainabilityRunConfig(1, 1, 2, [2, 5], 0.05, 30_000, 3, TrainabilityDefaults.BlockSize);
                    var options = config.Options(Shard.Whole) with { Threads = 1 };
                    var experiments = config.Experiments();
                    var runs = new TallyGridRunner<FirstLayerTally>(options, r => StateFile.Save(checkpoint, config, Shard.Whole, TrainabilityStateFile.Payload(r))).Run(
                        [.. experiments.Select(e => new TallyRun<FirstLayerTally>(new FirstLayerTally(e.Width), 0, false))],
                        [.. experiments.Select(e => (ContinueRun<FirstLayerTally>)((t, b, a, c) => FirstLayerSampler.Continue(e, options, t, b, a, c)))], Stop, cancel.Token);
                    Assert.False(runs[0].Complete);
                    return TrainabilityStateFile.Load(checkpoint).Runs[0].BlocksDone;
                }
            default:
                {
                    var config = new ActiveNeuronsRunConfig([1, 3, 2], [.. LayerSchemeSequence.Figure7], 1, [1, 1], 30_000, 3, ActiveNeuronDefaults.BlockSize);
                    var options = config.Options(Shard.Whole) with { Threads = 1 };
                    var experiments = config.Experiments();
                    var runs = new TallyGridRunner<ActiveNeuronTally>(options, r => StateFile.Save(checkpoint, config, Shard.Whole, ActiveNeuronsStateFile.Payload(config, r))).Run(
                        [.. experiments.Select(e => new TallyRun<ActiveNeuronTally>(new ActiveNeuronTally(e.HiddenWidths), 0, false))],
                        [.. experiments.Select(e => (ContinueRun<ActiveNeuronTally>)((t, b, a, c) => ActiveNeuronSampler.Continue(e, options, t, b, a, c)))], Stop, cancel.Token);
                    Assert.False(runs[0].Complete);
                    return ActiveNeuronsStateFile.Load(checkpoint).Runs[0].BlocksDone;
                }
        }
    }

    [Theory]
    [InlineData("safe-depth", "--seed", "4", "--seed 3", "--seed 4")]
    [InlineData("safe-depth", "--p", "0.1", "--p 0.1,0.2", "--p 0.1")]
    [InlineData("safe-depth", "--shard", "1/2", "--shard 0/1", "--shard 1/2")]
    [InlineData("trainability", "--trials", "30001", "--trials 30000", "--trials 30001")]
    [InlineData("trainability", "--delta", "0.1", "--delta 0.05", "--delta 0.1")]
    [InlineData("active-neurons", "--schemes", "sphere-bias", "--schemes " + "FIGURE7", "--schemes sphere-bias")]
    [InlineData("active-neurons", "--architecture", "1,3,3", "--architecture 1,3,2", "--architecture 1,3,3")]
    public void A_resume_with_a_changed_argument_is_refused_naming_it(string command, string option, string value, string stored, string current)
    {
        string dir = Cli.TempDirectory(), checkpoint = Path.Combine(dir, "run.json");
        Assert.Equal(0, InProcessCli.Run(Args(command, "--out", dir, "--checkpoint", checkpoint, "--format", "csv")).ExitCode);
        byte[] before = File.ReadAllBytes(checkpoint);
        string other = Path.Combine(dir, "other");
        var r = InProcessCli.Run([.. With(command, option, value), "--out", other, "--checkpoint", checkpoint]);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        string figure7 = string.Join(",", LayerSchemeSequence.Figure7);
        Assert.Equal($"relukernels: checkpoint '{checkpoint}' was made with {stored.Replace("FIGURE7", figure7, StringComparison.Ordinal)}; this run has {current}",
            Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(before, File.ReadAllBytes(checkpoint));
        Assert.False(Directory.Exists(other) && Directory.EnumerateFileSystemEntries(other).Any());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Merge_refuses_a_missing_repeated_foreign_or_tampered_shard(string command)
    {
        string parts = Cli.TempDirectory(), other = Cli.TempDirectory(), output = Path.Combine(Cli.TempDirectory(), "out");
        var files = Shards(command, parts, 2);
        var foreign = Shards(command, other, 2, "--seed", "4");

        void Refused(string line, params string[] shards)
        {
            var r = InProcessCli.Run(["merge", .. shards, "--out", output, "--no-plot"]);
            Assert.Equal(ExitCodes.UsageError, r.ExitCode);
            Assert.Equal($"relukernels: {line}", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
            Assert.False(Directory.Exists(output));
        }

        Refused("shard 1 is missing from 0..1 (1 file given)", files[0]);
        Refused($"'{files[0]}' repeats shard 0/2 (also in '{files[0]}')", files[0], files[1], files[0]);
        Refused($"'{foreign[1]}' was made with --seed 4; '{files[0]}' with --seed 3", files[0], foreign[1]);

        // A count edited: refused by the checksum, and — with the checksum recomputed — by the check of the trials against the blocks.
        string tampered = Path.Combine(Cli.TempDirectory(), "tampered.json");
        var root = JsonNode.Parse(File.ReadAllText(files[1]))!;
        Assert.Equal(root["checksum"]!.GetValue<string>(), Reseal(root)); // the resealing below is the writer's own checksum
        var run = root["payload"]!["runs"]![0]!;
        run["trials"] = run["trials"]!.GetValue<long>() + 1;
        File.WriteAllText(tampered, root.ToJsonString(Json.Options));
        Refused($"'{tampered}' was modified after it was written (checksum mismatch)", files[0], tampered);
        root["checksum"] = Reseal(root);
        File.WriteAllText(tampered, root.ToJsonString(Json.Options));
        var r = InProcessCli.Run(["merge", files[0], tampered, "--out", output, "--no-plot"]);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.StartsWith($"relukernels: '{tampered}' is inconsistent: ", r.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));

        // A shard of another command.
        string collapse = Cli.TempDirectory();
        Assert.Equal(0, InProcessCli.Run("collapse", "--widths", "2", "--depths", "1..3", "--trials", "3000", "--shard", "1/2", "--out", collapse).ExitCode);
        string stranger = Path.Combine(collapse, "collapse.shard-1-of-2.json");
        Refused($"'{stranger}' holds counts of 'collapse', not of '{command}'", files[0], stranger);
    }

    /// <summary>The checksum of an edited state file, computed over its payload as JSON (whatever the command).</summary>
    private static string Reseal(JsonNode root) => StateFile.ChecksumOf(root.Deserialize<StateEnvelope<JsonElement>>(Json.Options)!);
}
