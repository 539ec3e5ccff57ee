using System.Text.Json;

namespace ReluKernels.Cli.Tests;

/// <summary>The collapse command's output contract, sharding with merge, and checkpoints.</summary>
public sealed class CollapseCommandTests
{
    private static readonly string[] Small = Args(seed: 5);

    private static string[] Args(int seed) => ["collapse", "--widths", "2,3", "--depths", "1..6", "--trials", "40000", "--seed", $"{seed}", "--no-plot"];

    [Fact]
    public void Json_format_prints_one_object_per_cell_and_writes_the_files()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run([.. Small, "--format", "json", "--out", dir]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var cells = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(12, cells.Length);
        foreach (var cell in cells)
        {
            long trials = cell.GetProperty("trials").GetInt64(), collapsed = cell.GetProperty("collapsed").GetInt64();
            double estimate = cell.GetProperty("estimate").GetDouble();
            Assert.Equal(40_000, trials);
            Assert.Equal((double)collapsed / trials, estimate, 12);
            Assert.InRange(estimate, cell.GetProperty("ciLow").GetDouble(), cell.GetProperty("ciHigh").GetDouble());
            int w = cell.GetProperty("width").GetInt32(), d = cell.GetProperty("depth").GetInt32();
            Assert.Equal(1 - Math.Pow(1 - Math.Pow(2, -w), d), cell.GetProperty("theorem8").GetDouble(), 12);
        }
        Assert.Equal(r.Stdout.Trim(), File.ReadAllText(Path.Combine(dir, "collapse.json")).Trim());
        Assert.Equal(13, File.ReadAllLines(Path.Combine(dir, "collapse.csv")).Length);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp*"));
    }

    [Fact]
    public void The_first_dead_layer_array_is_in_each_widths_deepest_cell_only_and_its_prefixes_give_the_shallower_counts()
    {
        var r = Cli.Run([.. Small, "--format", "json", "--out", Cli.TempDirectory()]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        foreach (var width in json.RootElement.EnumerateArray().GroupBy(c => c.GetProperty("width").GetInt32()))
        {
            var cells = width.OrderBy(c => c.GetProperty("depth").GetInt32()).ToArray();
            Assert.All(cells[..^1], c => Assert.Equal(JsonValueKind.Null, c.GetProperty("firstDeadLayer").ValueKind));
            long[] firstDead = [.. cells[^1].GetProperty("firstDeadLayer").EnumerateArray().Select(e => e.GetInt64())];
            Assert.Equal(6, firstDead.Length);
            foreach (var cell in cells)
                Assert.Equal(cell.GetProperty("collapsed").GetInt64(), firstDead[..cell.GetProperty("depth").GetInt32()].Sum());
        }
    }

    [Fact]
    public void A_grid_beyond_the_cell_limit_is_refused_before_any_work()
    {
        string dir = Path.Combine(Cli.TempDirectory(), "out");
        var r = Cli.Run("collapse", "--widths", "2..64", "--depths", "1..5000", "--out", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("relukernels: --widths × --depths: 315000 cells (63 widths × 5000 depths) exceed the limit of 200000; split the widths over several runs",
            Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Plots_are_written_as_png_and_svg()
    {
        string dir = Cli.TempDirectory();
        var r = Cli.Run("collapse", "--widths", "2", "--depths", "1..4", "--trials", "10000", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("\u0089PNG", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(dir, "collapse.png")).AsSpan(0, 4)));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "collapse.svg")));
    }

    [Fact]
    public void Merged_shards_equal_the_unsharded_run()
    {
        string whole = Cli.TempDirectory(), parts = Cli.TempDirectory(), merged = Cli.TempDirectory();
        Assert.Equal(0, Cli.Run([.. Small, "--out", whole, "--format", "json"]).ExitCode);
        var shardRuns = Enumerable.Range(0, 3).Select(k => Cli.Run([.. Small, "--out", parts, "--shard", $"{k}/3", "--format", "csv"])).ToList();
        Assert.All(shardRuns, r => Assert.Equal(0, r.ExitCode));
        var shardFiles = Enumerable.Range(0, 3).Select(k => Path.Combine(parts, $"collapse.shard-{k}-of-3.json")).ToArray();
        // Shards sharing one --out write only their own shard files, and say how to merge them.
        Assert.Equal(shardFiles.Order(), Directory.GetFiles(parts).Order());
        Assert.Contains($"Wrote {shardFiles[1]}", shardRuns[1].Stdout);
        Assert.Contains("relukernels merge", shardRuns[1].Stdout);
        var m = Cli.Run(["merge", .. shardFiles.Reverse(), "--out", merged, "--format", "json", "--no-plot"]);
        Assert.True(m.ExitCode == 0, m.Stderr);
        foreach (string file in new[] { "collapse.json", "collapse.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, file)), File.ReadAllBytes(Path.Combine(merged, file)));
        // The merge's provenance lists every shard with its hash and its own provenance.
        using var sidecar = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, "collapse.provenance.json")));
        var inputs = sidecar.RootElement.GetProperty("inputs").EnumerateArray().ToArray();
        Assert.Equal(shardFiles.Reverse(), inputs.Select(i => i.GetProperty("file").GetString()));
        Assert.All(inputs, i => Assert.Contains("--shard", i.GetProperty("provenance").GetProperty("commandLine").GetString(), StringComparison.Ordinal));
        Assert.Equal("merge", sidecar.RootElement.GetProperty("provenance").GetProperty("command").GetString());
    }

    [Fact]
    public void Merge_refuses_missing_repeated_foreign_or_old_shards()
    {
        string parts = Cli.TempDirectory(), other = Cli.TempDirectory(), output = Cli.TempDirectory();
        Assert.Equal(0, Cli.Run([.. Small, "--out", parts, "--shard", "0/2", "--format", "csv"]).ExitCode);
        Assert.Equal(0, Cli.Run([.. Args(seed: 6), "--out", other, "--shard", "1/2", "--format", "csv"]).ExitCode);
        string first = Path.Combine(parts, "collapse.shard-0-of-2.json"), foreign = Path.Combine(other, "collapse.shard-1-of-2.json");

        void Refused(CliResult r, string line)
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Equal($"relukernels: {line}", r.Stderr.TrimEnd('\n'));
            Assert.Empty(Directory.EnumerateFileSystemEntries(output));
        }

        Refused(Cli.Run("merge", first, "--out", output), "shard 1 is missing from 0..1 (1 file given)");
        Refused(Cli.Run("merge", first, first, "--out", output), $"'{first}' repeats shard 0/2 (also in '{first}')");
        Refused(Cli.Run("merge", first, foreign, "--out", output), $"'{foreign}' was made with --seed 6; '{first}' with --seed 5");

        string truncated = Path.Combine(Cli.TempDirectory(), "cut.json");
        File.WriteAllText(truncated, File.ReadAllText(first)[..100]);
        var cut = Cli.Run("merge", truncated, foreign, "--out", output);
        Assert.Equal(2, cut.ExitCode);
        Assert.StartsWith($"relukernels: cannot read '{truncated}'", cut.Stderr);

        string old = Path.Combine(Cli.TempDirectory(), "old.json");
        File.WriteAllText(old, """{ "kind": "relukernels-collapse-state", "version": 1, "config": {}, "depths": [1], "runs": [] }""");
        Refused(Cli.Run("merge", old, "--out", output), $"'{old}' has format version 1; this build reads 2");
    }

    [Fact]
    public void Merge_of_a_large_incomplete_set_names_the_first_missing_shards_on_one_short_line()
    {
        string parts = Cli.TempDirectory(), output = Cli.TempDirectory();
        Assert.Equal(0, Cli.Run([.. Small, "--out", parts, "--shard", "0/13", "--format", "csv"]).ExitCode);
        var r = Cli.Run("merge", Path.Combine(parts, "collapse.shard-0-of-13.json"), "--out", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("relukernels: shards 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more are missing from 0..12 (1 file given)", r.Stderr.TrimEnd('\n'));
    }

    [Fact]
    public void A_checkpoint_is_resumed_and_refused_for_another_run()
    {
        string dir = Cli.TempDirectory(), plain = Cli.TempDirectory();
        string checkpoint = Path.Combine(dir, "state.json");
        var first = Cli.Run([.. Small, "--out", dir, "--checkpoint", checkpoint, "--format", "json"]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(File.Exists(checkpoint));
        var again = Cli.Run([.. Small, "--out", dir, "--checkpoint", checkpoint, "--format", "json"]);
        Assert.Equal(first.Stdout, again.Stdout);
        Assert.Equal(first.Stdout, Cli.Run([.. Small, "--out", plain, "--format", "json"]).Stdout);

        var other = Cli.Run([.. Args(seed: 99), "--out", dir, "--checkpoint", checkpoint]);
        Assert.Equal(2, other.ExitCode);
        Assert.Equal($"relukernels: checkpoint '{checkpoint}' was made with --seed 5; this run has --seed 99", other.Stderr.TrimEnd('\n'));
    }
}
