using ReluKernels.Cli.Collapse;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.State;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

namespace ReluKernels.Cli.SafeDepth;

/// <summary>Everything a <c>safe-depth</c> run's counts and reports depend on, with its canonical argument form for state files.</summary>
/// <param name="Widths">Hidden-layer widths, in command-line order.</param>
/// <param name="Ps">The collapse probabilities p, in command-line order.</param>
/// <param name="Weights">Weight distribution.</param>
/// <param name="Engine">The engine requested (Auto resolves per width).</param>
/// <param name="Trials">Trials per width.</param>
/// <param name="Seed">Seed of every block stream.</param>
/// <param name="BlockSize">Trials per block.</param>
public sealed record SafeDepthRunConfig(int[] Widths, double[] Ps, WeightDistribution Weights, EngineKind Engine, long Trials, ulong Seed, int BlockSize)
    : ICollapseGridConfig<SafeDepthRunConfig>
{
    /// <inheritdoc/>
    public static string Command => "safe-depth";

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> ToArguments() => new Dictionary<string, string>
    {
        ["widths"] = IntList.Format(Widths),
        ["p"] = string.Join(",", Ps.Select(ArgumentText.Real)),
        ["weights"] = Weights.ToString(),
        ["engine"] = Engine.ToString(),
        ["trials"] = ArgumentText.Count(Trials),
        ["seed"] = ArgumentText.Seed(Seed),
        ["block-size"] = ArgumentText.Count(BlockSize),
    };

    /// <inheritdoc/>
    public static SafeDepthRunConfig? FromArguments(IReadOnlyDictionary<string, string> arguments) =>
        ArgumentText.ReadBack(arguments, a => new SafeDepthRunConfig(
            IntList.Parse(a["widths"]), [.. a["p"].Split(',').Select(ArgumentText.ParseReal)], Enum.Parse<WeightDistribution>(a["weights"]),
            Enum.Parse<EngineKind>(a["engine"]), ArgumentText.ParseCount(a["trials"]),
            ArgumentText.ParseSeed(a["seed"]), checked((int)ArgumentText.ParseCount(a["block-size"]))));

    /// <inheritdoc/>
    public MonteCarloOptions Options(Shard shard) => new() { Trials = Trials, Seed = Seed, Shard = shard, BlockSize = BlockSize, Threads = 1 };

    /// <summary>One experiment per width, deep enough for every p (<see cref="SafeDepthSearch.DepthToSimulate"/>).</summary>
    public IReadOnlyList<CollapseExperiment> Experiments() =>
        [.. Widths.Select(w => new CollapseExperiment(w, Ps.Max(p => SafeDepthSearch.DepthToSimulate(w, p)), Weights))];
}
