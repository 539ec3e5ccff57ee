using ReluKernels.Cli.State;

namespace ReluKernels.Cli.Degeneracy;

/// <summary>Everything the outputs of <c>degeneracy</c> depend on (not the output options).</summary>
/// <param name="Steps">Members per example family.</param>
/// <param name="Width">Hidden width m of the random pairs.</param>
/// <param name="Pairs">Random pairs of the restricted-space study.</param>
/// <param name="Tolerance">The projection's tolerance τ.</param>
/// <param name="Seed">The seed; pair p draws from its stream p.</param>
public sealed record DegeneracyPlan(int Steps, int Width, int Pairs, double Tolerance, ulong Seed)
{
    /// <summary>The plan as canonical option name → value, a valid command line (merge re-parses it).</summary>
    public IReadOnlyDictionary<string, string> Arguments => new Dictionary<string, string>
    {
        ["steps"] = ArgumentText.Count(Steps),
        ["width"] = ArgumentText.Count(Width),
        ["pairs"] = ArgumentText.Count(Pairs),
        ["tolerance"] = ArgumentText.Real(Tolerance),
        ["seed"] = ArgumentText.Seed(Seed),
    };
}
