using System.Text.Json;
using System.Text.Json.Nodes;
using ReluKernels.Cli.Collapse;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.State;

namespace ReluKernels.Cli.Tests;

/// <summary>
/// Real checkpoint and shard files, corrupted in many seeded ways (byte flips, truncations, JSON edits of counts, block
/// counts, trials, version and shard index, with and without a recomputed checksum, duplicated shards), are either
/// refused (exit 2, one line, no result files) or — only when the corruption changed no value — give exactly the true
/// counts. Never other counts.
/// </summary>
[Collection(typeof(ConsoleSwappingTests))]
public sealed class StateFileCorruptionTests
{
    private const int Cases = 1000;
    private static readonly string[] Run = ["collapse", "--widths", "2,3", "--depths", "1..6", "--trials", "40000", "--seed", "5", "--no-plot", "--format", "json"];

    [Fact]
    public void Corrupted_state_files_are_refused_or_give_the_true_counts()
    {
        string dir = Cli.TempDirectory(), whole = Path.Combine(dir, "whole"), parts = Path.Combine(dir, "parts");
        string checkpoint = Path.Combine(dir, "checkpoint.json");
        Assert.Equal(0, InProcessCli.Run([.. Run, "--out", whole, "--checkpoint", checkpoint]).ExitCode);
        string truth = File.ReadAllText(Path.Combine(whole, "collapse.json"));
        string[] shards = [.. Enumerable.Range(0, 3).Select(k => Path.Combine(parts, $"collapse.shard-{k}-of-3.json"))];
        for (int k = 0; k < 3; k++)
            Assert.Equal(0, InProcessCli.Run([.. Run, "--out", parts, "--shard", $"{k}/3"]).ExitCode);

        var random = new Random(20251203);
        int refused = 0, accepted = 0;
        for (int i = 0; i < Cases; i++)
        {
            string caseDir = Cli.TempDirectory(), output = Path.Combine(caseDir, "out");
            int target = random.Next(4); // 0: the checkpoint, k + 1: shard k
            string original = target == 0 ? checkpoint : shards[target - 1];
            string corrupted = Path.Combine(caseDir, "state.json");
            string what = Corrupt(File.ReadAllBytes(original), corrupted, random);
            CliResult r;
            if (target == 0)
                r = InProcessCli.Run([.. Run, "--out", output, "--checkpoint", corrupted]);
            else
            {
                var files = shards.Select((s, k) => k == target - 1 ? corrupted : s).ToList();
                if (random.Next(8) == 0)
                {
                    what += ", and a shard given twice";
                    files.Add(files[random.Next(3)]);
                }
                r = InProcessCli.Run(["merge", .. files.OrderBy(_ => random.Next()), "--out", output, "--no-plot", "--format", "json"]);
            }

            if (r.ExitCode == ExitCodes.UsageError)
            {
                refused++;
                string line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.True(line.StartsWith("relukernels: ", StringComparison.Ordinal), $"case {i} ({what}): {line}");
                Assert.False(File.Exists(Path.Combine(output, "collapse.json")), $"case {i} ({what}) wrote results although refused");
            }
            else
            {
                accepted++;
                Assert.True(r.ExitCode == ExitCodes.Success, $"case {i} ({what}): exit {r.ExitCode}: {r.Stderr}");
                Assert.True(truth == File.ReadAllText(Path.Combine(output, "collapse.json")), $"case {i} ({what}) was accepted with other counts");
            }
        }
        Assert.True(refused > Cases / 2, $"only {refused} of {Cases} corruptions refused: the mutations are too weak to test anything");
        TestContext.Current.TestOutputHelper?.WriteLine($"{Cases} corrupted state files: {refused} refused with exit 2, {accepted} accepted with the true counts");
    }

    /// <summary>Writes a corrupted copy of <paramref name="bytes"/> to <paramref name="path"/> and says what was done.</summary>
    private static string Corrupt(byte[] bytes, string path, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                {
                    int at = random.Next(bytes.Length);
                    byte mask = (byte)random.Next(1, 256);
                    bytes[at] ^= mask;
                    File.WriteAllBytes(path, bytes);
                    return $"byte {at} xor {mask}";
                }
            case 1:
                {
                    int length = random.Next(bytes.Length);
                    File.WriteAllBytes(path, bytes[..length]);
                    return $"truncated to {length} bytes";
                }
            default:
                {
                    var root = JsonNode.Parse(bytes)!;
                    string edit = Edit(root, random, out bool mayReseal);
                    if (mayReseal && random.Next(2) == 0)
                    {
                        edit += " (checksum recomputed)";
                        var envelope = root.Deserialize<StateEnvelope<CollapseStatePayload>>(Json.Options)!;
                        root["checksum"] = StateFile.ChecksumOf(envelope);
                    }
                    File.WriteAllText(path, root.ToJsonString(Json.Options));
                    return edit;
                }
        }
    }

    /// <summary>
    /// One edit of a value. <paramref name="mayReseal"/> is false for edits only the checksum can catch (a count changed
    /// within its bounds): with a recomputed checksum they are undetectable by design (docs/reliability.md).
    /// </summary>
    private static string Edit(JsonNode root, Random random, out bool mayReseal)
    {
        var run = root["payload"]!["runs"]![random.Next(2)]!;
        long trials = run["trials"]!.GetValue<long>();
        int layer = random.Next(6);
        mayReseal = true;
        switch (random.Next(11))
        {
            case 0:
                long delta = new long[] { 1, -1, 16384, -16384 }[random.Next(4)];
                run["trials"] = trials + delta;
                return $"trials {delta:+#;-#}";
            case 1:
                long step = random.Next(2) == 0 ? 1 : -1;
                run["blocksDone"] = run["blocksDone"]!.GetValue<long>() + step;
                return $"blocksDone {step:+#;-#}";
            case 2:
                run["complete"] = !run["complete"]!.GetValue<bool>();
                return "complete flipped";
            case 3:
                int version = random.Next(2) == 0 ? 1 : 3;
                root["formatVersion"] = version;
                return $"formatVersion {version}";
            case 4:
                int index = (root["shard"]!["index"]!.GetValue<int>() + 1 + random.Next(2)) % 3;
                root["shard"]!["index"] = index;
                return $"shard index {index}";
            case 5:
                root["arguments"]!["seed"] = "6";
                return "seed argument 6";
            case 6:
                root["arguments"]!["trials"] = "56384";
                return "trials argument 56384";
            case 7:
                run["firstDeadLayer"]![layer] = random.Next(2) == 0 ? -1 : trials + 1;
                return $"firstDeadLayer[{layer}] out of bounds";
            case 8:
                run["zeroAtProbeByDepth"]![layer] = random.Next(2) == 0 ? -1 : trials + 1;
                return $"zeroAtProbeByDepth[{layer}] out of bounds";
            default:
                mayReseal = false;
                string array = random.Next(2) == 0 ? "firstDeadLayer" : "zeroAtProbeByDepth";
                long count = run[array]![layer]!.GetValue<long>();
                long change = random.Next(2) == 0 ? 1 : -1;
                run[array]![layer] = Math.Max(0, count + change);
                return $"{array}[{layer}] {count} → {Math.Max(0, count + change)}";
        }
    }
}
