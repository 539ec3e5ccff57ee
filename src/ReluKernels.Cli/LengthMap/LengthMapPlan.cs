using ReluKernels.Activations;
using ReluKernels.Cli.State;
using ReluKernels.LengthMap;

namespace ReluKernels.Cli.LengthMap;

/// <summary>What a <c>length-map</c> run simulates, and the canonical arguments its networks depend on.</summary>
/// <param name="Activations">The activations, in table order.</param>
/// <param name="Inits">The initialisers, in table order.</param>
/// <param name="Settings">Width, depth, σ_b, networks, seed, threads.</param>
/// <param name="Arguments">Canonical option name → value, a valid command line (merge re-parses it).</param>
public sealed record LengthMapPlan(IReadOnlyList<ScalarActivation> Activations, IReadOnlyList<LengthMapInit> Inits, LengthMapSettings Settings,
    IReadOnlyDictionary<string, string> Arguments)
{
    /// <summary>Every (activation, initialiser) pair of the run, in table order: activations outer, initialisers inner.</summary>
    public IEnumerable<(ScalarActivation Activation, LengthMapInit Init)> Runs => Activations.SelectMany(φ => Inits.Select(init => (φ, init)));

    /// <summary>The canonical arguments (everything the networks depend on; not threads or output).</summary>
    /// <param name="activation">The <c>--activation</c> value in canonical form: a name 'activations' lists, or <c>all</c>.</param>
    /// <param name="init">The <c>--init</c> value in canonical form: an initialiser's name, or <c>all</c>.</param>
    /// <param name="settings">The settings.</param>
    public static IReadOnlyDictionary<string, string> ArgumentsOf(string activation, string init, LengthMapSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new Dictionary<string, string>
        {
            ["activation"] = activation,
            ["init"] = init,
            ["width"] = ArgumentText.Count(settings.Width),
            ["depth"] = ArgumentText.Count(settings.Depth),
            ["bias-std"] = ArgumentText.Real(settings.BiasStd),
            ["trials"] = ArgumentText.Count(settings.Trials),
            ["seed"] = ArgumentText.Seed(settings.Seed),
        };
    }
}
