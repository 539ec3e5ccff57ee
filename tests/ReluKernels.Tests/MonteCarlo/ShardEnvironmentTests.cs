using ReluKernels.MonteCarlo;

namespace ReluKernels.Tests.MonteCarlo;

/// <summary><see cref="ShardEnvironment"/> over fake environments: every rule that resolves a shard and every refusal.</summary>
public sealed class ShardEnvironmentTests
{
    // "NAME=value" pairs; a lookup of any other name returns null, as for an unset variable.
    private static Func<string, string?> Env(params string[] pairs)
    {
        var map = pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return name => map.GetValueOrDefault(name);
    }

    public static TheoryData<string[], int?, int, int> Resolvable => new()
    {
        // --array=0-3: the task id is the index.
        { ["SLURM_ARRAY_TASK_ID=2", "SLURM_ARRAY_TASK_COUNT=4"], null, 2, 4 },
        // --array=3-6 without a count variable: index = id − min, count = max − min + 1.
        { ["SLURM_ARRAY_TASK_ID=5", "SLURM_ARRAY_TASK_MIN=3", "SLURM_ARRAY_TASK_MAX=6"], null, 2, 4 },
        // --array=1-8 with everything Slurm sets, step 1.
        { ["SLURM_ARRAY_TASK_ID=8", "SLURM_ARRAY_TASK_COUNT=8", "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_MAX=8", "SLURM_ARRAY_TASK_STEP=1"], null, 7, 8 },
        // --array=0-30:2 has the 16 ids 0, 2, …, 30; id 6 is the 4th.
        { ["SLURM_ARRAY_TASK_ID=6", "SLURM_ARRAY_TASK_COUNT=16", "SLURM_ARRAY_TASK_MIN=0", "SLURM_ARRAY_TASK_MAX=30", "SLURM_ARRAY_TASK_STEP=2"], null, 3, 16 },
        // --array=5-17:4 is 5, 9, 13, 17 without a count variable.
        { ["SLURM_ARRAY_TASK_ID=17", "SLURM_ARRAY_TASK_MIN=5", "SLURM_ARRAY_TASK_MAX=17", "SLURM_ARRAY_TASK_STEP=4"], null, 3, 4 },
        // auto/N under Slurm: N agrees with the array.
        { ["SLURM_ARRAY_TASK_ID=0", "SLURM_ARRAY_TASK_COUNT=4"], 4, 0, 4 },
        // Kubernetes: index from the pod, count from the command line.
        { ["JOB_COMPLETION_INDEX=3"], 8, 3, 8 },
        { ["JOB_COMPLETION_INDEX=0"], 1, 0, 1 },
        // An empty variable is unset (a shell's NAME= ), so the other scheduler's variable decides.
        { ["JOB_COMPLETION_INDEX=", "SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_COUNT=2"], null, 1, 2 },
    };

    [Theory]
    [MemberData(nameof(Resolvable))]
    public void Resolves_the_shard(string[] environment, int? count, int index, int expectedCount)
    {
        var shard = ShardEnvironment.TryResolve(Env(environment), count, out string? error);
        Assert.Null(error);
        Assert.Equal(new Shard(index, expectedCount), shard);
    }

    public static TheoryData<string[], int?, string> Refused => new()
    {
        { [], null, "neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set" },
        { [], 4, "neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set" },
        { ["SLURM_ARRAY_TASK_ID=", "JOB_COMPLETION_INDEX="], null, "neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set" },
        { ["SLURM_ARRAY_TASK_ID=0", "SLURM_ARRAY_TASK_COUNT=2", "JOB_COMPLETION_INDEX=0"], 2, "both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set" },
        { ["SLURM_ARRAY_TASK_ID=1"], null, "neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MIN/SLURM_ARRAY_TASK_MAX is" },
        { ["SLURM_ARRAY_TASK_ID=x", "SLURM_ARRAY_TASK_COUNT=2"], null, "SLURM_ARRAY_TASK_ID is 'x', not a non-negative integer" },
        { ["SLURM_ARRAY_TASK_ID=-1", "SLURM_ARRAY_TASK_COUNT=2"], null, "SLURM_ARRAY_TASK_ID is '-1'" },
        { ["SLURM_ARRAY_TASK_ID=0", "SLURM_ARRAY_TASK_COUNT=two"], null, "SLURM_ARRAY_TASK_COUNT is 'two'" },
        { ["SLURM_ARRAY_TASK_ID=0", "SLURM_ARRAY_TASK_COUNT=0"], null, "SLURM_ARRAY_TASK_COUNT is 0" },
        { ["SLURM_ARRAY_TASK_ID=4", "SLURM_ARRAY_TASK_COUNT=4"], null, "SLURM_ARRAY_TASK_ID (4) is not one of the array's 4 task ids (0..3 in steps of 1)" },
        { ["SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_MIN=1"], null, "SLURM_ARRAY_TASK_MAX is missing although SLURM_ARRAY_TASK_MIN is set" },
        { ["SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_MAX=3"], null, "SLURM_ARRAY_TASK_MIN is missing although SLURM_ARRAY_TASK_MAX is set" },
        { ["SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_MIN=4", "SLURM_ARRAY_TASK_MAX=2"], null, "SLURM_ARRAY_TASK_MAX (2) is below SLURM_ARRAY_TASK_MIN (4)" },
        { ["SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_MAX=3", "SLURM_ARRAY_TASK_STEP=0"], null, "SLURM_ARRAY_TASK_STEP is 0" },
        { ["SLURM_ARRAY_TASK_ID=0", "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_MAX=3"], null, "SLURM_ARRAY_TASK_ID (0) is not one of the array's 3 task ids (1..3 in steps of 1)" },
        // --array=0-30:2, but an id between two steps.
        { ["SLURM_ARRAY_TASK_ID=3", "SLURM_ARRAY_TASK_MIN=0", "SLURM_ARRAY_TASK_MAX=30", "SLURM_ARRAY_TASK_STEP=2"], null, "SLURM_ARRAY_TASK_ID (3) is not one of the array's 16 task ids (0..30 in steps of 2)" },
        // --array=1,4,5: three tasks, but 1..5 in steps of 1 would be five.
        { ["SLURM_ARRAY_TASK_ID=4", "SLURM_ARRAY_TASK_COUNT=3", "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_MAX=5", "SLURM_ARRAY_TASK_STEP=1"], null, "the array's task ids are not 1..5 in steps of 1 (SLURM_ARRAY_TASK_COUNT is 3)" },
        // A step that does not reach max from min.
        { ["SLURM_ARRAY_TASK_ID=0", "SLURM_ARRAY_TASK_MIN=0", "SLURM_ARRAY_TASK_MAX=5", "SLURM_ARRAY_TASK_STEP=2"], null, "the array's task ids are not 0..5 in steps of 2" },
        { ["SLURM_ARRAY_TASK_ID=0", "SLURM_ARRAY_TASK_COUNT=4"], 8, "the Slurm array has 4 tasks but the command line says 8" },
        { ["JOB_COMPLETION_INDEX=0"], null, "use --shard auto/N with N = the Job's completions" },
        { ["JOB_COMPLETION_INDEX=8"], 8, "JOB_COMPLETION_INDEX (8) is out of range 0..7 for 8 shards" },
        { ["JOB_COMPLETION_INDEX=a"], 8, "JOB_COMPLETION_INDEX is 'a', not a non-negative integer" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_with_a_reason(string[] environment, int? count, string reason)
    {
        var shard = ShardEnvironment.TryResolve(Env(environment), count, out string? error);
        Assert.Null(shard);
        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void A_count_below_one_is_a_caller_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShardEnvironment.TryResolve(Env(), 0, out _));
}
