using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReluKernels.Cli.Compositional;
using ReluKernels.Cli.Conditioning;
using ReluKernels.Cli.Degeneracy;
using ReluKernels.Cli.LengthMap;
using ReluKernels.Cli.State;
using ReluKernels.Cli.TrainDepth;

namespace ReluKernels.Cli.Tests;

/// <summary>
/// The commands whose independent units (pairs, models, networks) shard: shards merged in any order give every output file of one
/// unsharded run byte for byte (plots included, provenance aside); a missing, repeated, foreign, mixed or tampered shard
/// set is refused with one line, exit 2 and nothing written.
/// </summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class UnitShardTests
{
    private static readonly Dictionary<string, string[]> Commands = new()
    {
        ["degeneracy"] = ["degeneracy", "--steps", "2", "--pairs", "7", "--width", "2"],
        ["compositional"] = ["compositional", "--targets", "x3,sine", "--models", "5", "--depth", "2", "--points", "12", "--epochs", "8", "--pretrain-epochs", "4"],
        // Width 8 simulates the NTK too; --widths adds the error-vs-width plot, whose networks are stored per width.
        ["conditioning"] = ["conditioning", "--inputs", "3", "--dimension", "3", "--separation", "0.2", "--max-depth", "3", "--width", "8", "--networks", "5",
            "--widths", "16,4"],
        // Every activation and initialiser; a bias makes --bias-std a non-default real in the arguments the merge re-parses.
        ["length-map"] = ["length-map", "--width", "4", "--depth", "3", "--bias-std", "0.25", "--trials", "5"],
        ["train-depth"] = ["train-depth", "--width", "4", "--depths", "2,1", "--inputs", "4", "--dimension", "3", "--epochs", "5", "--runs", "5"],
        // Its shard files and outputs are compositional-regions.*, apart from the training's compositional.*.
        ["compositional-regions"] = ["compositional", "--regions", "--depth", "3", "--models", "5"],
    };

    // Commands that write a table only, no plot.
    private static readonly string[] Unplotted = ["compositional-regions"];

    // Where a shard file keeps its first unit's index, to move that unit to another shard.
    private static readonly Dictionary<string, Func<JsonNode, JsonNode>> FirstUnit = new()
    {
        ["degeneracy"] = n => n["payload"]!["pairs"]![0]!,
        ["compositional"] = n => n["payload"]!["models"]![0]![0]![0]!,
        ["conditioning"] = n => n["payload"]!["networks"]![0]!,
        ["length-map"] = n => n["payload"]!["runs"]![0]!["networks"]![0]!,
        ["train-depth"] = n => n["payload"]!["cells"]![0]!["runs"]![0]!,
        ["compositional-regions"] = n => n["payload"]!["networks"]![0]!,
    };

    // The checksum a shard file of the command must carry, so that a consistent-looking edit gets past it.
    private static readonly Dictionary<string, Func<JsonNode, string>> Checksum = new()
    {
        ["degeneracy"] = n => StateFile.ChecksumOf(n.Deserialize<StateEnvelope<DegeneracyShardPayload>>(Output.Json.Options)!),
        ["compositional"] = n => StateFile.ChecksumOf(n.Deserialize<StateEnvelope<CompositionalShardPayload>>(Output.Json.Options)!),
        ["conditioning"] = n => StateFile.ChecksumOf(n.Deserialize<StateEnvelope<ConditioningShardPayload>>(Output.Json.Options)!),
        ["length-map"] = n => StateFile.ChecksumOf(n.Deserialize<StateEnvelope<LengthMapShardPayload>>(Output.Json.Options)!),
        ["train-depth"] = n => StateFile.ChecksumOf(n.Deserialize<StateEnvelope<TrainDepthShardPayload>>(Output.Json.Options)!),
        ["compositional-regions"] = n => StateFile.ChecksumOf(n.Deserialize<StateEnvelope<CompositionalRegionsShardPayload>>(Output.Json.Options)!),
    };

    public static TheoryData<string> Names => [.. Commands.Keys];

    private static CliResult Run(string command, string seed, params string[] more) =>
        InProcessCli.Run([.. Commands[command], "--seed", seed, "--format", "csv", .. more]);

    private static string[] Shards(string command, int n, string seed = "3")
    {
        string dir = Cli.TempDirectory();
        var files = new string[n];
        for (int k = 0; k < n; k++)
        {
            var r = Run(command, seed, "--out", dir, "--shard", $"{k}/{n}");
            Assert.True(r.ExitCode == 0, r.Stderr);
            files[k] = Path.Combine(dir, $"{command}.shard-{k}-of-{n}.json");
        }
        Assert.Equal(files.Order(), Directory.GetFiles(dir).Order()); // a shard writes only its shard file
        return files;
    }

    private static CliResult Merge(string output, IEnumerable<string> files) => InProcessCli.Run(["merge", .. files, "--out", output, "--format", "csv"]);

    private static Dictionary<string, byte[]> Outputs(string dir) =>
        Directory.GetFiles(dir).Where(f => !f.EndsWith(".provenance.json", StringComparison.Ordinal)).ToDictionary(f => Path.GetFileName(f),
            f => f.EndsWith(".svg", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(RenumberClipPaths(File.ReadAllText(f))) : File.ReadAllBytes(f));

    /// <summary>
    /// ScottPlot names SVG clip paths from a counter per process (cl_b, cl_c, …), and these runs share one process; separate
    /// processes write identical SVGs. So the ids are renumbered in order of appearance, everything else compared as written.
    /// </summary>
    private static string RenumberClipPaths(string svg)
    {
        var ids = new Dictionary<string, int>();
        return Regex.Replace(svg, "cl_[0-9a-z]+", m => $"clip{(ids.TryGetValue(m.Value, out int i) ? i : ids[m.Value] = ids.Count)}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Shards_merged_in_a_shuffled_order_equal_the_unsharded_run(string command)
    {
        string whole = Cli.TempDirectory();
        var r = Run(command, "3", "--out", whole);
        Assert.True(r.ExitCode == 0, r.Stderr);
        // Four shards of 5 or 7 units: shards of one unit, and of none (4 > 5 / 2), merge too.
        var files = Shards(command, 4);
        string merged = Cli.TempDirectory();
        r = Merge(merged, [files[2], files[0], files[3], files[1]]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var expected = Outputs(whole);
        var actual = Outputs(merged);
        Assert.Contains($"{command}.csv", expected.Keys);
        Assert.Equal(!Unplotted.Contains(command), expected.Keys.Any(k => k.EndsWith(".png", StringComparison.Ordinal)));
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Merge_refuses_missing_repeated_foreign_mixed_and_tampered_shards(string command)
    {
        var files = Shards(command, 2);
        string foreign = Shards(command, 2, seed: "9")[1];
        string other = Commands.Keys.First(c => c != command);
        string mixed = Shards(other, 2)[1];

        // Tampered twice: a value edited (checksum mismatch), and a unit moved to the other shard with the checksum recomputed.
        string edited = Path.Combine(Cli.TempDirectory(), "edited.json");
        var editedNode = JsonNode.Parse(File.ReadAllText(files[1]))!;
        FirstUnit[command](editedNode)["index"] = 3;
        File.WriteAllText(edited, editedNode.ToJsonString(Output.Json.Options));
        string moved = Path.Combine(Cli.TempDirectory(), "moved.json");
        var node = JsonNode.Parse(File.ReadAllText(files[1]))!;
        FirstUnit[command](node)["index"] = 0;
        node["checksum"] = Checksum[command](node);
        File.WriteAllText(moved, node.ToJsonString(Output.Json.Options));

        (string[] Given, string Expected)[] cases =
        [
            ([files[0]], "shard 1 is missing from 0..1"),
            ([files[0], files[1], files[1]], "repeats shard 1/2"),
            ([files[0], foreign], "was made with --seed 9"),
            ([files[0], mixed], $"holds counts of '{other}', not of '{command}'"),
            ([files[0], edited], "was modified after it was written"),
            ([files[0], moved], "0 does not belong to shard 1/2"),
        ];
        foreach (var (given, expected) in cases)
        {
            string output = Cli.TempDirectory();
            var r = Merge(output, given);
            Assert.Equal(ExitCodes.UsageError, r.ExitCode);
            string line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("relukernels: ", line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(output));
        }
    }

    [Theory]
    [InlineData("kernels", 1, "its kernels are not symmetric at depth 1")]
    [InlineData("tangents", 9 + 5, "its NTKs are not symmetric at depth 2")]
    [InlineData("kernels", 27, "its kernels hold 28 entries, not 3 × 3 × 3")]
    public void Merge_refuses_conditioning_kernels_that_no_network_gives(string field, int entry, string expected)
    {
        // Edited with the checksum recomputed: an entry above the diagonal changed (K̂ and Θ̂ are symmetric by construction), or one entry too many.
        var files = Shards("conditioning", 2);
        var node = JsonNode.Parse(File.ReadAllText(files[1]))!;
        var values = node["payload"]!["networks"]![0]![field]!.AsArray();
        if (entry < values.Count)
            values[entry] = values[entry]!.GetValue<double>() + 0.5;
        else
            values.Add(0.5);
        node["checksum"] = Checksum["conditioning"](node);
        string edited = Path.Combine(Cli.TempDirectory(), "edited.json");
        File.WriteAllText(edited, node.ToJsonString(Output.Json.Options));
        string output = Cli.TempDirectory();
        var r = Merge(output, [files[0], edited]);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        string line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("relukernels: ", line, StringComparison.Ordinal);
        Assert.Contains($"width-8 network 1: {expected}", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public void Conditioning_on_a_data_file_refuses_a_shard_before_any_work()
    {
        string data = Path.Combine(Cli.TempDirectory(), "x.csv");
        File.WriteAllText(data, "1,0\n0,1\n1,1\n");
        string dir = Path.Combine(Cli.TempDirectory(), "out");
        var r = InProcessCli.Run("conditioning", "--data", data, "--width", "8", "--networks", "2", "--shard", "0/2", "--out", dir);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.StartsWith("relukernels: --shard: ", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_compositional_merge_does_not_repeat_the_shape_warning_of_its_shards()
    {
        // sine with subtracted waves is warned about by each shard run; the merge re-parses the same arguments and must stay quiet.
        string dir = Cli.TempDirectory();
        string[] args = ["compositional", "--targets", "sine", "--waves", "subtract", "--models", "2", "--depth", "2", "--points", "12", "--epochs", "4",
            "--pretrain-epochs", "2", "--format", "csv", "--no-plot", "--out", dir];
        var files = new string[2];
        for (int k = 0; k < 2; k++)
        {
            var shard = InProcessCli.Run([.. args, "--shard", $"{k}/2"]);
            Assert.True(shard.ExitCode == 0, shard.Stderr);
            Assert.Contains("warning: sin(πx/2) is not convex", shard.Stderr, StringComparison.Ordinal);
            files[k] = Path.Combine(dir, $"compositional.shard-{k}-of-2.json");
        }
        var r = InProcessCli.Run(["merge", .. files, "--out", Cli.TempDirectory(), "--format", "csv", "--no-plot"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);
    }

    /// <summary>A shard file edited with its checksum recomputed, merged with the untouched shard 0: refused with one line naming <paramref name="expected"/>.</summary>
    private static void AssertEditRefused(string command, string[] files, Action<JsonNode> edit, string expected)
    {
        var node = JsonNode.Parse(File.ReadAllText(files[1]))!;
        edit(node);
        node["checksum"] = Checksum[command](node);
        string edited = Path.Combine(Cli.TempDirectory(), "edited.json");
        File.WriteAllText(edited, node.ToJsonString(Output.Json.Options));
        string output = Cli.TempDirectory();
        var r = Merge(output, [files[0], edited]);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        string line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("relukernels: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public void Merge_refuses_lengths_and_losses_that_no_run_gives()
    {
        var lengthMap = Shards("length-map", 2);
        AssertEditRefused("length-map", lengthMap, n => FirstUnit["length-map"](n)["lengths"]![1] = -0.5, "relu He network 1 has a negative length at layer 2");
        AssertEditRefused("length-map", lengthMap, n => FirstUnit["length-map"](n)["lengths"]!.AsArray().Add(1.0), "relu He network 1 holds 4 lengths, not 3");
        AssertEditRefused("length-map", lengthMap, n => n["payload"]!["runs"]!.AsArray().RemoveAt(0), "(activation, initialiser) runs; its arguments have");
        var trainDepth = Shards("train-depth", 2);
        AssertEditRefused("train-depth", trainDepth, n => FirstUnit["train-depth"](n)["initialLoss"] = -1.0, "relu depth-1 run 1 has a negative initial loss");
        AssertEditRefused("train-depth", trainDepth, n => FirstUnit["train-depth"](n)["finalLoss"] = -1.0, "relu depth-1 run 1 has a final loss that is negative");
        AssertEditRefused("train-depth", trainDepth, n => n["payload"]!["cells"]![1]!["depth"] = 4, "cell 1 is relu at depth 4; its arguments put relu at depth 2 there");
    }

    [Fact]
    public void Overflowed_lengths_and_diverged_trainings_are_stored_and_merge_to_the_unsharded_bytes()
    {
        // σ_b = 7·10¹⁵³ (σ_b² ≈ 5·10³⁰⁷): the recursion stays finite to depth 3, but some q^l overflow to +∞; Adam at η = 10¹⁰⁰ makes every training diverge. Neither may crash the shard writer.
        (string Command, string[] Args, string Stored)[] cases =
        [
            ("length-map", ["length-map", "--activation", "relu", "--init", "He", "--width", "2", "--depth", "3", "--bias-std", "7e153", "--trials", "3"], "Infinity"),
            ("train-depth", ["train-depth", "--width", "4", "--depths", "2", "--inputs", "4", "--dimension", "3", "--epochs", "5", "--lr", "1e100", "--runs", "3"],
                "\"finalLoss\": null"),
        ];
        foreach (var (command, args, stored) in cases)
        {
            string whole = Cli.TempDirectory(), shards = Cli.TempDirectory(), merged = Cli.TempDirectory();
            var r = InProcessCli.Run([.. args, "--format", "csv", "--out", whole]);
            Assert.True(r.ExitCode == 0, r.Stderr);
            var files = new string[2];
            for (int k = 0; k < 2; k++)
            {
                r = InProcessCli.Run([.. args, "--format", "csv", "--out", shards, "--shard", $"{k}/2"]);
                Assert.True(r.ExitCode == 0, r.Stderr);
                files[k] = Path.Combine(shards, $"{command}.shard-{k}-of-2.json");
            }
            Assert.Contains(stored, File.ReadAllText(files[0]), StringComparison.Ordinal);
            r = Merge(merged, files);
            Assert.True(r.ExitCode == 0, r.Stderr);
            var expected = Outputs(whole);
            var actual = Outputs(merged);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (name, bytes) in expected)
                Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{command}: {name} differs");
        }
    }

    [Fact]
    public void Merge_refuses_region_counts_that_no_survey_gives()
    {
        // Shard 1 of 2 holds networks 1 and 3, each with counts per initialiser (He, PyTorch, RAI) at depths 1..3.
        var files = Shards("compositional-regions", 2);
        var first = FirstUnit["compositional-regions"];
        AssertEditRefused("compositional-regions", files, n => first(n)["counts"]![0]![1] = 0, "network 1 has 0 He regions at depth 2; every network has at least 1");
        AssertEditRefused("compositional-regions", files, n => first(n)["counts"]![2]!.AsArray().RemoveAt(2), "network 1 holds 2 RAI counts, not one per depth 1..3");
        AssertEditRefused("compositional-regions", files, n => first(n)["counts"]!.AsArray().RemoveAt(1), "network 1 holds counts of 2 initialisers, not 3");
        AssertEditRefused("compositional-regions", files, n => n["payload"]!["networks"]!.AsArray().RemoveAt(1), "holds an unfinished shard");
        AssertEditRefused("compositional-regions", files, n => n["payload"]!["initializers"]![0] = "LeCun", "it surveys LeCun, PyTorch, RAI; this build surveys He, PyTorch, RAI");
        // A training shard's arguments under the survey's kind, and the survey's under the training's: neither is a run of that kind.
        AssertEditRefused("compositional-regions", files, n => n["arguments"]!.AsObject().Remove("regions"), "its arguments are not those of a compositional-regions run");
        var training = Shards("compositional", 2);
        AssertEditRefused("compositional", training, n => n["arguments"] = JsonNode.Parse(JsonNode.Parse(File.ReadAllText(files[1]))!["arguments"]!.ToJsonString()),
            "its arguments are not those of a compositional run");
    }
}
