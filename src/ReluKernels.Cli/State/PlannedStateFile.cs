using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.State;

/// <summary>
/// Reads the state file of a command whose arguments are a command line (the plan is rebuilt by parsing them, as merge
/// does for the training commands) and has the command verify its payload against that plan and the file's shard.
/// </summary>
public static class PlannedStateFile
{
    /// <summary>Loads and verifies <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="command">The command it must belong to.</param>
    /// <param name="planOf">The plan of a set of canonical arguments, or null when they are not a valid command line.</param>
    /// <param name="verify">The payload's runs and whether they are complete; an <see cref="ArgumentException"/> naming the first inconsistency.</param>
    /// <exception cref="UsageException">The file is unreadable, foreign, modified or inconsistent (one line naming it and the problem).</exception>
    public static LoadedState<TPlan, TRun> Load<TPayload, TPlan, TRun>(string path, string command,
        Func<IReadOnlyDictionary<string, string>, TPlan?> planOf, Func<TPlan, Shard, TPayload, (IReadOnlyList<TRun> Runs, bool Complete)> verify)
        where TPlan : class
    {
        ArgumentNullException.ThrowIfNull(planOf);
        ArgumentNullException.ThrowIfNull(verify);
        var envelope = StateFile.Load<TPayload>(path, command);
        var plan = planOf(envelope.Arguments) ?? throw new UsageException($"'{path}' is inconsistent: its arguments are not those of a {command} run");
        var shard = new Shard(envelope.Shard.Index, envelope.Shard.Count);
        try
        {
            var (runs, complete) = verify(plan, shard, envelope.Payload);
            return new(path, envelope.Arguments, plan, shard, runs, complete, envelope.Provenance);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"'{path}' is inconsistent: {ex.Message.TrimEnd('.')}");
        }
    }
}
