using System.Security.Cryptography;
using System.Text.Json;
using FsCheck.Xunit;
using ReluKernels.Cli.Output;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Tests;

/// <summary>Every result says how it was made: <c>{stem}.provenance.json</c> beside the files, state files' envelopes, and the closed-form shard trial count they rely on.</summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class ProvenanceTests
{
    [Fact]
    public void The_sidecar_records_the_command_line_seed_engine_build_and_each_files_hash()
    {
        string dir = Cli.TempDirectory(), output = Path.Combine(dir, "with space");
        var r = InProcessCli.Run("collapse", "--widths", "2", "--depths", "1..3", "--trials", "2000", "--seed", "7", "--no-plot", "--out", output);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var sidecar = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "collapse.provenance.json")));
        var p = sidecar.RootElement.GetProperty("provenance");
        Assert.Equal($"relukernels collapse --widths 2 --depths 1..3 --trials 2000 --seed 7 --no-plot --out '{output}'", p.GetProperty("commandLine").GetString());
        Assert.Equal(7UL, p.GetProperty("seed").GetUInt64());
        Assert.Equal("Auto", p.GetProperty("engine").GetString());
        Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+", p.GetProperty("packageVersion").GetString());
        Assert.Matches("^[0-9a-f]{40}$", p.GetProperty("commit").GetString());
        Assert.True(DateTime.UtcNow - DateTime.Parse(p.GetProperty("utcDate").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal) < TimeSpan.FromHours(1));
        var files = sidecar.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("sha256").GetString());
        Assert.Equal(["collapse.csv", "collapse.json"], files.Keys.Order());
        foreach (var (name, hash) in files)
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(output, name)))), hash);
    }

    [Theory]
    [InlineData("plain-1.5,2..3", "plain-1.5,2..3")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("$HOME", "'$HOME'")]
    public void Command_line_tokens_are_quoted_for_a_shell(string token, string quoted) => Assert.Equal(quoted, Provenance.Quote(token));

    [Property(MaxTest = 200, Replay = "(4242,17)")]
    public bool Closed_form_shard_trials_equal_the_sum_over_blocks(ushort trials, byte blockSize, byte count, byte index)
    {
        var options = new MonteCarloOptions { Trials = trials + 1, BlockSize = blockSize + 1, Shard = new Shard(index % (count % 8 + 1), count % 8 + 1) };
        long blocks = options.Shard.BlockCount(options.TotalBlocks), sum = 0;
        for (long b = 0; b <= blocks; b++)
        {
            if (options.TrialsInShardBlocks(b) != sum)
                return false;
            if (b < blocks)
                sum += options.TrialsInBlock(options.Shard.BlockAt(b));
        }
        return true;
    }
}
