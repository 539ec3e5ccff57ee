using ReluKernels.Cli.State;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Trainability;
using ReluKernels.Theory;

namespace ReluKernels.Cli.Trainability;

/// <summary>Everything an <c>active-neurons</c> run's counts and reports depend on, with its canonical argument form for state files.</summary>
/// <param name="Architecture">n₀ (the input dimension, 1) then the hidden widths.</param>
/// <param name="Schemes">The initialisation schemes, one run each, in command-line order.</param>
/// <param name="Radius">Radius r of [-r, r].</param>
/// <param name="Required">Required active neurons per hidden layer, or null.</param>
/// <param name="Trials">Networks per scheme.</param>
/// <param name="Seed">Seed of every block stream.</param>
/// <param name="BlockSize">Trials per block.</param>
public sealed record ActiveNeuronsRunConfig(int[] Architecture, LayerSchemeSequence[] Schemes, double Radius, int[]? Required, long Trials, ulong Seed, int BlockSize)
    : IRunConfig<ActiveNeuronsRunConfig>
{
    /// <inheritdoc/>
    public static string Command => "active-neurons";

    /// <summary>The hidden widths.</summary>
    public int[] Widths => Architecture[1..];

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> ToArguments() => new Dictionary<string, string>
    {
        ["architecture"] = string.Join(",", Architecture.Select(n => ArgumentText.Count(n))),
        ["schemes"] = string.Join(",", Schemes.Select(s => s.ToString())),
        ["radius"] = ArgumentText.Real(Radius),
        ["required"] = Required is null ? "none" : string.Join(",", Required.Select(m => ArgumentText.Count(m))),
        ["trials"] = ArgumentText.Count(Trials),
        ["seed"] = ArgumentText.Seed(Seed),
        ["block-size"] = ArgumentText.Count(BlockSize),
    };

    /// <inheritdoc/>
    public static ActiveNeuronsRunConfig? FromArguments(IReadOnlyDictionary<string, string> arguments) =>
        ArgumentText.ReadBack(arguments, a => new ActiveNeuronsRunConfig(
            Counts(a["architecture"]), [.. a["schemes"].Split(',').Select(LayerSchemeSequence.Parse)], ArgumentText.ParseReal(a["radius"]),
            a["required"] == "none" ? null : Counts(a["required"]), ArgumentText.ParseCount(a["trials"]), ArgumentText.ParseSeed(a["seed"]),
            checked((int)ArgumentText.ParseCount(a["block-size"]))));

    /// <inheritdoc/>
    public MonteCarloOptions Options(Shard shard) => new() { Trials = Trials, Seed = Seed, Shard = shard, BlockSize = BlockSize, Threads = 1 };

    /// <summary>One experiment per scheme.</summary>
    /// <exception cref="ArgumentException">A value the experiment rejects.</exception>
    public IReadOnlyList<ActiveNeuronExperiment> Experiments() =>
        [.. Schemes.Select(s => new ActiveNeuronExperiment(Widths, [.. s.Expand(Widths.Length).Select(LayerSchemes.Initializer)], Radius, Required))];

    private static int[] Counts(string text) => [.. text.Split(',').Select(item => checked((int)ArgumentText.ParseCount(item)))];
}
