using ReluKernels.Cli.State;

namespace ReluKernels.Cli.Compositional;

/// <summary>What a <c>compositional --regions</c> survey counts, and the canonical arguments its networks depend on.</summary>
/// <param name="Depth">Depths 1..Depth are surveyed.</param>
/// <param name="Networks">Random networks per initialiser and depth.</param>
/// <param name="Seed">Network n draws from stream n of this seed.</param>
/// <param name="Arguments">Canonical option name → value, a valid command line (merge re-parses it).</param>
public sealed record CompositionalRegionsPlan(int Depth, int Networks, ulong Seed, IReadOnlyDictionary<string, string> Arguments)
{
    /// <summary>The plan of a survey, with its canonical arguments (<c>--regions</c> and everything the counts depend on).</summary>
    public static CompositionalRegionsPlan Of(int depth, int networks, ulong seed) => new(depth, networks, seed, new Dictionary<string, string>
    {
        ["regions"] = "true",
        ["depth"] = ArgumentText.Count(depth),
        ["models"] = ArgumentText.Count(networks),
        ["seed"] = ArgumentText.Seed(seed),
    });
}
