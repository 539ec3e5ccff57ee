using System.Globalization;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// Finds this process's <see cref="Shard"/> from a cluster scheduler's environment, so one job script serves every task:
/// a Slurm job array (<c>SLURM_ARRAY_TASK_ID</c> with <c>SLURM_ARRAY_TASK_COUNT</c> or <c>_MIN</c>/<c>_MAX</c>/<c>_STEP</c>)
/// or a Kubernetes Indexed Job (<c>JOB_COMPLETION_INDEX</c>, whose count the caller must supply: Kubernetes does not export it).
/// </summary>
/// <remarks>
/// Slurm task ids need not start at 0 (<c>--array=1-8</c>) and may step (<c>--array=0-30:2</c>): the shard index is the
/// task's position, (id − min) / step, and the count is (max − min) / step + 1. An array whose ids are not one arithmetic
/// run (<c>--array=1,4,5</c>) has no such position: its task count disagrees with min, max and step (a missing step is
/// 1), and that is refused rather than guessed at. An empty variable counts as unset.
/// </remarks>
public static class ShardEnvironment
{
    /// <summary>The Slurm job-array task id.</summary>
    public const string SlurmTaskId = "SLURM_ARRAY_TASK_ID";

    /// <summary>The number of tasks in the Slurm job array.</summary>
    public const string SlurmTaskCount = "SLURM_ARRAY_TASK_COUNT";

    /// <summary>The smallest task id of the Slurm job array.</summary>
    public const string SlurmTaskMin = "SLURM_ARRAY_TASK_MIN";

    /// <summary>The largest task id of the Slurm job array.</summary>
    public const string SlurmTaskMax = "SLURM_ARRAY_TASK_MAX";

    /// <summary>The step between task ids of the Slurm job array.</summary>
    public const string SlurmTaskStep = "SLURM_ARRAY_TASK_STEP";

    /// <summary>The completion index of a pod of a Kubernetes Indexed Job.</summary>
    public const string KubernetesIndex = "JOB_COMPLETION_INDEX";

    /// <summary>
    /// Resolves the shard from <paramref name="environment"/> (a variable lookup such as
    /// <see cref="Environment.GetEnvironmentVariable(string)"/>). <paramref name="count"/> is the shard count given on the
    /// command line: required under Kubernetes, and under Slurm checked against the array's own count.
    /// </summary>
    /// <returns>The shard, or <c>null</c> with <paramref name="error"/> saying in one sentence what is missing or inconsistent.</returns>
    public static Shard? TryResolve(Func<string, string?> environment, int? count, out string? error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (count is < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, "A run has at least one shard.");
        string? Read(string name) => environment(name) is { Length: > 0 } value ? value : null;

        string? slurmId = Read(SlurmTaskId), kubernetesIndex = Read(KubernetesIndex);
        (Shard? shard, error) = (slurmId, kubernetesIndex) switch
        {
            (not null, not null) => (null, $"both {SlurmTaskId} and {KubernetesIndex} are set, so the scheduler is ambiguous"),
            (not null, null) => FromSlurm(slurmId, Read),
            (null, not null) => FromKubernetes(kubernetesIndex, count),
            _ => (null, $"not in a Slurm job array or a Kubernetes Indexed Job (neither {SlurmTaskId} nor {KubernetesIndex} is set)"),
        };
        if (shard is { } s && count is { } n && s.Count != n)
            (shard, error) = (null, $"the Slurm array has {s.Count} tasks but the command line says {n}");
        return shard;
    }

    private static (Shard?, string?) FromSlurm(string idText, Func<string, string?> read)
    {
        if (!TryParse(SlurmTaskId, idText, out long id, out string? error))
            return (null, error);
        string? countText = read(SlurmTaskCount), minText = read(SlurmTaskMin), maxText = read(SlurmTaskMax), stepText = read(SlurmTaskStep);
        long? reported = null;
        if (countText is not null)
        {
            if (!TryParse(SlurmTaskCount, countText, out long c, out error))
                return (null, error);
            if (c < 1)
                return (null, $"{SlurmTaskCount} is {c}, not a number of tasks");
            reported = c;
        }

        long min = 0, step = 1, count;
        if (minText is not null || maxText is not null)
        {
            if (minText is null || maxText is null)
                return (null, $"{(minText is null ? SlurmTaskMin : SlurmTaskMax)} is missing although {(minText is null ? SlurmTaskMax : SlurmTaskMin)} is set");
            if (!TryParse(SlurmTaskMin, minText, out min, out error) || !TryParse(SlurmTaskMax, maxText, out long max, out error)
                || (stepText is not null && !TryParse(SlurmTaskStep, stepText, out step, out error)))
                return (null, error);
            if (step < 1)
                return (null, $"{SlurmTaskStep} is {step}, not a step");
            if (max < min)
                return (null, $"{SlurmTaskMax} ({max}) is below {SlurmTaskMin} ({min})");
            count = (max - min) / step + 1;
            if ((max - min) % step != 0 || (reported is { } r && r != count))
                return (null, $"the array's task ids are not {min}..{max} in steps of {step}"
                    + (reported is { } rc ? $" ({SlurmTaskCount} is {rc})" : "") + "; use a range such as --array=0-7 or 0-30:2");
        }
        else if (reported is { } r)
            count = r;
        else
            return (null, $"{SlurmTaskId} is set but neither {SlurmTaskCount} nor {SlurmTaskMin}/{SlurmTaskMax} is");

        if (id < min || (id - min) % step != 0 || (id - min) / step >= count)
            return (null, $"{SlurmTaskId} ({id}) is not one of the array's {count} task ids ({min}..{min + (count - 1) * step} in steps of {step})");
        if (count > int.MaxValue)
            return (null, $"the Slurm array has {count} tasks, more than {int.MaxValue}");
        return (new Shard((int)((id - min) / step), (int)count), null);
    }

    private static (Shard?, string?) FromKubernetes(string indexText, int? count)
    {
        if (count is not { } n)
            return (null, $"{KubernetesIndex} is set but Kubernetes does not give the number of completions: use --shard auto/N with N = the Job's completions");
        if (!TryParse(KubernetesIndex, indexText, out long index, out string? error))
            return (null, error);
        if (index >= n)
            return (null, $"{KubernetesIndex} ({index}) is out of range 0..{n - 1} for {n} shards");
        return (new Shard((int)index, n), null);
    }

    private static bool TryParse(string name, string text, out long value, out string? error)
    {
        bool ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        error = ok ? null : $"{name} is '{text}', not a non-negative integer";
        return ok;
    }
}
