using System.CommandLine;

namespace ReluKernels.Cli.State;

/// <summary>Rebuilds a command's plan from the canonical arguments of a state file, by parsing them as its command line.</summary>
public static class CommandPlans
{
    /// <summary>
    /// Parses <paramref name="arguments"/> with the command <paramref name="create"/> makes, whose action hands over the plan
    /// instead of running it; null when they do not parse, or the plan's arguments (<paramref name="argumentsOf"/>) are not exactly these.
    /// </summary>
    public static TPlan? Parse<TPlan, TRequest>(Func<Func<TPlan, TRequest, int>, Command> create, IReadOnlyDictionary<string, string> arguments,
        Func<TPlan, IReadOnlyDictionary<string, string>> argumentsOf) where TPlan : class
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(argumentsOf);
        TPlan? plan = null;
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
        return plan is not null && StateArguments.Differences(argumentsOf(plan), arguments).Stored.Length == 0 ? plan : null;
    }
}
