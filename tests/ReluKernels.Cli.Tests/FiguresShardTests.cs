using System.Text;
using System.Text.RegularExpressions;

namespace ReluKernels.Cli.Tests;

/// <summary>
/// <c>relukernels figures --shard k/n</c> and the merge of its manifests, on a few cheap catalogue entries (<c>--only</c>): a
/// sampling command that shards (Lu et al. Fig. 6B, <c>safe-depth</c>), a deterministic one shard 0 runs whole (the μ table,
/// <c>activations</c>) and an entry no command reproduces. Merged in any order, the shards give the unsharded run's files byte
/// for byte, <c>index.html</c> included (provenance and captured standard output aside); an incomplete, repeated, foreign or
/// mixed set, a missing entry shard file or other plot options are refused with one line, exit 2 and no report.
/// </summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class FiguresShardTests
{
    private static readonly string[] Figures = ["figures", "--only", "lu-2019/fig-6b,agarwal-2021/mu-table,agarwal-2021/fig-6", "--seed", "5", "--dpi", "60"];

    private const string Shards = "3";

    // The same --out for the unsharded run and the merge, so the report's command lines agree: each run is moved aside after.
    private static (string Whole, string ShardDirectory, string Merged) Runs()
    {
        string root = Cli.TempDirectory(), output = Path.Combine(root, "out"), whole = Path.Combine(root, "whole"), shards = Path.Combine(root, "shards");
        var r = InProcessCli.Run([.. Figures, "--out", output]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Directory.Move(output, whole);
        for (int k = 0; k < int.Parse(Shards, System.Globalization.CultureInfo.InvariantCulture); k++)
        {
            r = InProcessCli.Run([.. Figures, "--shard", $"{k}/{Shards}", "--out", shards]);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains($"figures.shard-{k}-of-{Shards}.json", r.Stdout, StringComparison.Ordinal);
        }
        return (whole, shards, output);
    }

    private static string Manifest(string directory, int k) => Path.Combine(directory, $"figures.shard-{k}-of-{Shards}.json");

    private static CliResult Merge(string output, params string[] files) => InProcessCli.Run(["merge", .. files, "--out", output, "--dpi", "60"]);

    [Fact]
    public void Shards_merged_in_a_shuffled_order_equal_the_unsharded_run()
    {
        var (whole, shards, merged) = Runs();
        // The sampling entry ran as shards, the deterministic one whole in shard 0 only, and no shard wrote a report.
        Assert.Equal(3, Directory.GetFiles(Path.Combine(shards, "lu-2019", "fig-6b"), "safe-depth.shard-*-of-3.json").Length);
        Assert.True(File.Exists(Path.Combine(shards, "agarwal-2021", "mu-table", "activations.csv")));
        Assert.False(File.Exists(Path.Combine(shards, "index.html")));

        // Merged into another directory than the shards': the entry shard 0 ran whole is brought along.
        var r = Merge(merged, Manifest(shards, 2), Manifest(shards, 0), Manifest(shards, 1));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);

        var expected = Outputs(whole);
        var actual = Outputs(merged);
        Assert.Contains(Path.Combine("lu-2019", "fig-6b", "safe-depth.csv"), expected.Keys);
        Assert.Contains(Path.Combine("lu-2019", "fig-6b", "safe-depth.svg"), expected.Keys);
        Assert.Contains(Path.Combine("agarwal-2021", "mu-table", "activations.json"), expected.Keys);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs");
    }

    [Fact]
    public void Merge_refuses_incomplete_repeated_foreign_and_mixed_shards_and_a_missing_entry_file()
    {
        var (_, shards, merged) = Runs();
        string other = Cli.TempDirectory();
        // Cheap runs of one entry no command reproduces: another --only (a foreign run) and the --paper scale.
        Assert.Equal(0, InProcessCli.Run("figures", "--only", "agarwal-2021/fig-6", "--shard", $"1/{Shards}", "--out", other).ExitCode);
        Assert.Equal(0, InProcessCli.Run("figures", "--paper", "--only", "agarwal-2021/fig-6", "--shard", $"0/{Shards}", "--out", other).ExitCode);
        string m0 = Manifest(shards, 0), m1 = Manifest(shards, 1), m2 = Manifest(shards, 2);
        string entryShard = Path.Combine(shards, "lu-2019", "fig-6b", $"safe-depth.shard-1-of-{Shards}.json");

        Refused("shard 2 is missing", m0, m1);
        Refused("repeats shard 1", m0, m1, m1, m2);
        Refused("was made with --dpi (none), --only agarwal-2021/fig-6, --seed (none)", m0, Manifest(other, 1), m2);
        Refused("is a --paper shard", Manifest(other, 1), Manifest(other, 0));
        Refused("holds counts of 'safe-depth', not of 'figures'", m0, entryShard, m2);
        RefusedWith("was made with --dpi 60, this merge has --dpi 100", ["--dpi", "100"], m0, m1, m2);
        File.Delete(entryShard);
        Refused("lu-2019/fig-6b, which is missing", m0, m1, m2);

        void Refused(string why, params string[] files) => RefusedWith(why, [], files);

        void RefusedWith(string why, string[] options, params string[] files)
        {
            var r = options.Length == 0 ? Merge(merged, files) : InProcessCli.Run(["merge", .. files, "--out", merged, .. options]);
            Assert.Equal(2, r.ExitCode);
            string line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("relukernels: ", line, StringComparison.Ordinal);
            Assert.Contains(why, line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(merged), $"{why}: the refused merge wrote into --out");
        }
    }

    // Every file under `dir` but provenance sidecars and captured standard output (both name the command that made them),
    // with index.html's provenance parts removed and the SVG clip-path ids renumbered.
    private static Dictionary<string, byte[]> Outputs(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".provenance.json", StringComparison.Ordinal) && Path.GetFileName(f) != "stdout.txt")
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Path.GetFileName(f) switch
            {
                "index.html" => Encoding.UTF8.GetBytes(RenumberClipPaths(WithoutProvenance(File.ReadAllText(f)))),
                var name when name.EndsWith(".svg", StringComparison.Ordinal) => Encoding.UTF8.GetBytes(RenumberClipPaths(File.ReadAllText(f))),
                _ => File.ReadAllBytes(f),
            });

    // The report's date and command line (its header), each figure's provenance block and the command's captured output.
    private static string WithoutProvenance(string html) =>
        Regex.Replace(html, "<p class=\"meta\">.*?</p>|<dl class=\"provenance\">.*?</dl>|<details>.*?</details>", "", RegexOptions.Singleline);

    /// <summary>ScottPlot names SVG clip paths from a counter per process; these runs share one (see UnitShardTests).</summary>
    private static string RenumberClipPaths(string svg)
    {
        var ids = new Dictionary<string, int>();
        return Regex.Replace(svg, "cl_[0-9a-z]+", m => $"clip{(ids.TryGetValue(m.Value, out int i) ? i : ids[m.Value] = ids.Count)}");
    }
}
