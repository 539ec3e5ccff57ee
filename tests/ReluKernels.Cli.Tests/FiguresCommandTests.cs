using System.Text.Json;
using System.Xml.Linq;

namespace ReluKernels.Cli.Tests;

/// <summary><c>relukernels figures</c> on a few cheap catalogue entries (<c>--only</c>), in process.</summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class FiguresCommandTests
{
    [Fact]
    public void Writes_each_figure_and_a_report_whose_command_lines_reproduce_them()
    {
        string dir = Cli.TempDirectory();
        var r = InProcessCli.Run("figures", "--only", "lu-2019/fig-6b,agarwal-2021/mu-table,agarwal-2021/fig-6", "--seed", "5", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);
        // The summary table names each figure and its status; the commands' own tables went to stdout.txt instead.
        Assert.Contains("lu-2019/fig-6b", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("not reproduced", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Eq. (5)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Eq. (5)", File.ReadAllText(Path.Combine(dir, "lu-2019", "fig-6b", "stdout.txt")), StringComparison.Ordinal);

        var root = XDocument.Load(Path.Combine(dir, "index.html")).Root!;
        Assert.Equal(["lu-2019", "agarwal-2021"], root.Descendants("section").Select(s => (string?)s.Attribute("id")));
        Assert.Equal(["ok", "ok", "not-reproduced"], root.Descendants("article").Select(a => (string?)a.Attribute("data-status")));
        Assert.NotEmpty(root.Descendants((XNamespace)"http://www.w3.org/2000/svg" + "svg"));
        Assert.True(File.Exists(Path.Combine(dir, "index.provenance.json")));

        // The seed went to the commands that take one; rerunning the recorded command line gives the same numbers.
        string figure = Path.Combine(dir, "lu-2019", "fig-6b");
        using var sidecar = JsonDocument.Parse(File.ReadAllText(Path.Combine(figure, "safe-depth.provenance.json")));
        string commandLine = sidecar.RootElement.GetProperty("provenance").GetProperty("commandLine").GetString()!;
        Assert.Equal($"relukernels safe-depth --widths 2..10 --p 0.01,0.1 --trials 20000 --out {figure} --seed 5", commandLine);
        string again = Cli.TempDirectory();
        var rerun = InProcessCli.Run([.. commandLine.Split(' ')[1..^4], "--seed", "5", "--no-plot", "--out", again]);
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(figure, "safe-depth.csv")), File.ReadAllText(Path.Combine(again, "safe-depth.csv")));
    }

    [Fact]
    public void A_failing_figure_does_not_stop_the_others_and_exits_1()
    {
        string dir = Cli.TempDirectory();
        // A file where lu-2019/fig-6b's folder would go: its command refuses its --out.
        Directory.CreateDirectory(Path.Combine(dir, "lu-2019"));
        File.WriteAllText(Path.Combine(dir, "lu-2019", "fig-6b"), "in the way");
        var r = InProcessCli.Run("figures", "--only", "lu-2019/fig-6b,agarwal-2021/mu-table", "--no-plot", "--out", dir);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("relukernels: 1 of 2 figures failed: lu-2019/fig-6b", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.True(File.Exists(Path.Combine(dir, "agarwal-2021", "mu-table", "activations.csv")));
        var articles = XDocument.Load(Path.Combine(dir, "index.html")).Root!.Descendants("article").ToArray();
        Assert.Equal(["failed", "ok"], articles.Select(a => (string?)a.Attribute("data-status")));
        Assert.Contains(articles[0].Descendants("p"), p => p.Value.Contains("is a file, not a directory", StringComparison.Ordinal));
    }
}
