using System.CommandLine;
using ReluKernels.Cli.State;

namespace ReluKernels.Cli.TrainingState;

/// <summary>Rebuilds a training command's plan from the canonical arguments of a state file, by parsing them as its command line.</summary>
public static class TrainingPlans
{
    /// <summary>
    /// Parses <paramref name="arguments"/> with the command <paramref name="create"/> makes, whose action hands over the plan
    /// instead of running it; null when they do not parse, or do not give back exactly these arguments.
    /// </summary>
    public static TrainingPlan? Parse(Func<Func<TrainingPlan, TrainingRequest, int>, Command> create, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(arguments);
        TrainingPlan? plan = null;
        var command = create((p, _) =>
        {
            plan = p;
            return ExitCodes.Success;
        });
        var parsed = command.Parse([.. arguments.SelectMany(kv => new[] { $"--{kv.Key}", kv.Value })]);
        if (parsed.Errors.Count > 0)
            return null;
        try
        {
            parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = TextWriter.Null, Error = TextWriter.Null });
        }
        catch (UsageException)
        {
            return null;
        }
        return plan is not null && StateArguments.Differences(plan.Arguments, arguments).Stored.Length == 0 ? plan : null;
    }
}
