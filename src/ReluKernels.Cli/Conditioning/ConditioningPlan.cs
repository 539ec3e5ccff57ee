using ReluKernels.Activations;
using ReluKernels.Cli.State;
using ReluKernels.Conditioning;

namespace ReluKernels.Cli.Conditioning;

/// <summary>What a <c>conditioning</c> run simulates, and the canonical arguments its networks depend on.</summary>
/// <param name="Activation">σ in its normalised form.</param>
/// <param name="Inputs">The data set (drawn or read), unit vectors.</param>
/// <param name="Settings">Width, depths, networks, seed, threads, NTK.</param>
/// <param name="Widths">The widths of the error-vs-width measurement (<see cref="WidthConvergence.Distinct"/>); empty for none.</param>
/// <param name="Arguments">Canonical option name → value, a valid command line (merge re-parses it); null for a run on <c>--data</c>, which does not shard.</param>
public sealed record ConditioningPlan(ScalarActivation Activation, IReadOnlyList<double[]> Inputs, SimulationSettings Settings, int[] Widths,
    IReadOnlyDictionary<string, string>? Arguments)
{
    /// <summary>The canonical arguments of a run on random unit vectors (everything its networks depend on; not threads or output).</summary>
    public static IReadOnlyDictionary<string, string> RandomInputArguments(string activation, int inputs, int dimension, double separation,
        SimulationSettings settings, int[] widths)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(widths);
        var arguments = new Dictionary<string, string>
        {
            ["activation"] = activation,
            ["inputs"] = ArgumentText.Count(inputs),
            ["dimension"] = ArgumentText.Count(dimension),
            ["separation"] = ArgumentText.Real(separation),
            ["max-depth"] = ArgumentText.Count(settings.MaxDepth),
            ["width"] = ArgumentText.Count(settings.Width),
            ["networks"] = ArgumentText.Count(settings.Networks),
            ["seed"] = ArgumentText.Seed(settings.Seed),
        };
        if (widths.Length > 0)
            arguments["widths"] = string.Join(',', widths.Select(w => ArgumentText.Count(w)));
        return arguments;
    }
}
