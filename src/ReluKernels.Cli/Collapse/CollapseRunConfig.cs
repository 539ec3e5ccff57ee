using System.Globalization;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.Collapse;

/// <summary>
/// Everything a <c>collapse</c> run's counts depend on (not threads, output or format), with its canonical argument
/// form for state files: counts may be resumed or merged only between runs whose arguments are equal.
/// </summary>
/// <param name="Widths">Hidden-layer widths, in command-line order.</param>
/// <param name="Depths">Reported depths, in command-line order (each width runs at the deepest).</param>
/// <param name="Weights">Weight distribution.</param>
/// <param name="BiasStd">σ_b of the biases.</param>
/// <param name="Bias">How the biases are drawn.</param>
/// <param name="Radius">Radius of Ω.</param>
/// <param name="Probe">Probe input.</param>
/// <param name="Engine">The engine requested (Auto resolves per width).</param>
/// <param name="Trials">Trials per width (the cap with a target half-width).</param>
/// <param name="TargetHalfWidth">The stopping half-width, if any.</param>
/// <param name="Seed">Seed of every block stream.</param>
/// <param name="BlockSize">Trials per block.</param>
public sealed record CollapseRunConfig(
    int[] Widths, int[] Depths, WeightDistribution Weights, double BiasStd, BiasDistribution Bias, double Radius, double Probe, EngineKind Engine,
    long Trials, double? TargetHalfWidth, ulong Seed, int BlockSize) : ICollapseGridConfig<CollapseRunConfig>
{
    /// <inheritdoc/>
    public static string Command => "collapse";

    /// <summary>The config of a parsed command line.</summary>
    public static CollapseRunConfig Of(CollapseSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Widths, s.Depths, s.Weights, s.BiasStd, s.Bias, s.Radius, s.Probe, s.Engine, s.Options.Trials, s.Options.TargetHalfWidth, s.Options.Seed, s.Options.BlockSize);
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> ToArguments() => new Dictionary<string, string>
    {
        ["widths"] = IntList.Format(Widths),
        ["depths"] = IntList.Format(Depths),
        ["weights"] = Weights.ToString(),
        ["bias-std"] = Real(BiasStd),
        ["bias"] = Bias.ToString(),
        ["radius"] = Real(Radius),
        ["probe"] = Real(Probe),
        ["engine"] = Engine.ToString(),
        ["trials"] = Trials.ToString(CultureInfo.InvariantCulture),
        ["target-half-width"] = TargetHalfWidth is { } h ? Real(h) : "none",
        ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
        ["block-size"] = BlockSize.ToString(CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public static CollapseRunConfig? FromArguments(IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        try
        {
            var config = new CollapseRunConfig(
                IntList.Parse(arguments["widths"]), IntList.Parse(arguments["depths"]), Enum.Parse<WeightDistribution>(arguments["weights"]),
                ParseReal(arguments["bias-std"]), Enum.Parse<BiasDistribution>(arguments["bias"]), ParseReal(arguments["radius"]), ParseReal(arguments["probe"]), Enum.Parse<EngineKind>(arguments["engine"]),
                long.Parse(arguments["trials"], NumberStyles.None, CultureInfo.InvariantCulture),
                arguments["target-half-width"] == "none" ? null : ParseReal(arguments["target-half-width"]),
                ulong.Parse(arguments["seed"], NumberStyles.None, CultureInfo.InvariantCulture),
                int.Parse(arguments["block-size"], NumberStyles.None, CultureInfo.InvariantCulture));
            // Only the canonical spelling counts: anything else was not written by this build.
            return config.ToArguments().Count == arguments.Count && config.ToArguments().All(kv => arguments.TryGetValue(kv.Key, out string? v) && v == kv.Value) ? config : null;
        }
        catch (Exception ex) when (ex is KeyNotFoundException or FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public MonteCarloOptions Options(Shard shard) =>
        new() { Trials = Trials, TargetHalfWidth = TargetHalfWidth, Seed = Seed, Shard = shard, BlockSize = BlockSize, Threads = 1 };

    /// <summary>One experiment per width at the deepest depth.</summary>
    /// <exception cref="ArgumentException">A value the experiment rejects.</exception>
    public IReadOnlyList<CollapseExperiment> Experiments() =>
        [.. Widths.Select(w => new CollapseExperiment(w, Depths.Max(), Weights, BiasStd, Radius, Probe, Bias))];

    private static string Real(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double ParseReal(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
