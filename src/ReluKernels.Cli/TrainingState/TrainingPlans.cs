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
    public static TrainingPlan? Parse(Func<Func<TrainingPlan, TrainingRequest, int>, Command> create, IReadOnlyDictionary<string, string> arguments) =>
        CommandPlans.Parse(create, arguments, p => p.Arguments);
}
