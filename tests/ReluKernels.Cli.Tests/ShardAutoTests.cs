namespace ReluKernels.Cli.Tests;

/// <summary><c>--shard auto</c> as a scheduler runs it: each task's shard from its environment, merging to the unsharded run.</summary>
public sealed class ShardAutoTests
{
    private static readonly string[] Small = ["collapse", "--widths", "2,3", "--depths", "1..6", "--trials", "40000", "--seed", "8", "--no-plot", "--format", "csv"];

    private static readonly string[] SchedulerVariables =
        ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "SLURM_ARRAY_TASK_STEP", "JOB_COMPLETION_INDEX"];

    // Every variable --shard auto reads, empty (= unset), so a test run inside a real job array sees only what it sets.
    private static Dictionary<string, string> Scheduler(params (string Name, string Value)[] set)
    {
        var environment = SchedulerVariables.ToDictionary(n => n, _ => "");
        foreach (var (name, value) in set)
            environment[name] = value;
        return environment;
    }

    private static void AssertMergeEqualsWhole(string parts, string pattern)
    {
        string whole = Cli.TempDirectory(), merged = Cli.TempDirectory();
        Assert.Equal(0, Cli.Run([.. Small, "--out", whole]).ExitCode);
        var m = Cli.Run(["merge", .. Directory.GetFiles(parts, pattern), "--out", merged, "--format", "csv", "--no-plot"]);
        Assert.True(m.ExitCode == 0, m.Stderr);
        foreach (string file in new[] { "collapse.csv", "collapse.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, file)), File.ReadAllBytes(Path.Combine(merged, file)));
    }

    [Fact]
    public void Slurm_array_tasks_with_ids_1_to_3_write_shards_0_to_2_of_3()
    {
        string parts = Cli.TempDirectory();
        foreach (int id in new[] { 1, 2, 3 })
        {
            var r = Cli.RunWithEnvironment(Scheduler(("SLURM_ARRAY_TASK_ID", $"{id}"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_MAX", "3"), ("SLURM_ARRAY_TASK_COUNT", "3")),
                [.. Small, "--shard", "auto", "--out", parts]);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.True(File.Exists(Path.Combine(parts, $"collapse.shard-{id - 1}-of-3.json")), $"task {id}");
        }
        AssertMergeEqualsWhole(parts, "collapse.shard-*-of-3.json");
    }

    [Fact]
    public void Kubernetes_indexed_pods_take_the_count_from_the_command_line()
    {
        string parts = Cli.TempDirectory();
        foreach (int index in new[] { 0, 1 })
        {
            var r = Cli.RunWithEnvironment(Scheduler(("JOB_COMPLETION_INDEX", $"{index}")), [.. Small, "--shard", "auto/2", "--out", parts]);
            Assert.True(r.ExitCode == 0, r.Stderr);
        }
        AssertMergeEqualsWhole(parts, "collapse.shard-*-of-2.json");
    }

    [Theory]
    [InlineData("auto", "", "relukernels: --shard auto: not in a Slurm job array or a Kubernetes Indexed Job (neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set)")]
    [InlineData("auto", "JOB_COMPLETION_INDEX=1", "relukernels: --shard auto: JOB_COMPLETION_INDEX is set but Kubernetes does not give the number of completions: use --shard auto/N with N = the Job's completions")]
    [InlineData("auto/4", "JOB_COMPLETION_INDEX=4", "relukernels: --shard auto/4: JOB_COMPLETION_INDEX (4) is out of range 0..3 for 4 shards")]
    [InlineData("auto/3", "SLURM_ARRAY_TASK_ID=0,SLURM_ARRAY_TASK_COUNT=2", "relukernels: --shard auto/3: the Slurm array has 2 tasks but the command line says 3")]
    [InlineData("auto/0", "JOB_COMPLETION_INDEX=0", "relukernels: --shard: 'auto/0' is not auto/N with N a positive integer, e.g. auto/8")]
    [InlineData("automatic", "", "relukernels: --shard: 'automatic' is not auto/N with N a positive integer, e.g. auto/8")]
    [InlineData("1/0", "", "relukernels: --shard: '1/0' is not a shard: use k/n with 0 ≤ k < n (e.g. 0/4), auto or auto/N")]
    public void Outside_a_scheduler_or_with_bad_variables_it_is_one_line_exit_2_and_nothing_written(string shard, string variables, string expected)
    {
        var set = variables.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=')).Select(v => (v[0], v[1])).ToArray();
        string dir = Cli.TempDirectory();
        var r = Cli.RunWithEnvironment(Scheduler(set), [.. Small, "--shard", shard, "--out", dir]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal(expected, r.Stderr.TrimEnd('\n'));
        Assert.Empty(Directory.GetFiles(dir));
    }
}
