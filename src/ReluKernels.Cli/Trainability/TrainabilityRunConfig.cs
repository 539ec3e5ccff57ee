using ReluKernels.Cli.Options;
using ReluKernels.Cli.State;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Cli.Trainability;

/// <summary>Everything a <c>trainability</c> run's counts and reports depend on, with its canonical argument form for state files.</summary>
/// <param name="InputDim">Input dimension d.</param>
/// <param name="Radius">Radius r of B_r(0).</param>
/// <param name="Required">Active neurons m the task needs.</param>
/// <param name="Widths">Hidden-layer widths n, in command-line order.</param>
/// <param name="Delta">δ of Theorem 6's condition (reported beside the counts).</param>
/// <param name="Trials">Networks per width.</param>
/// <param name="Seed">Seed of every block stream.</param>
/// <param name="BlockSize">Trials per block.</param>
public sealed record TrainabilityRunConfig(int InputDim, double Radius, int Required, int[] Widths, double Delta, long Trials, ulong Seed, int BlockSize)
    : IRunConfig<TrainabilityRunConfig>
{
    /// <inheritdoc/>
    public static string Command => "trainability";

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> ToArguments() => new Dictionary<string, string>
    {
        ["input-dim"] = ArgumentText.Count(InputDim),
        ["radius"] = ArgumentText.Real(Radius),
        ["required"] = ArgumentText.Count(Required),
        ["widths"] = IntList.Format(Widths),
        ["delta"] = ArgumentText.Real(Delta),
        ["trials"] = ArgumentText.Count(Trials),
        ["seed"] = ArgumentText.Seed(Seed),
        ["block-size"] = ArgumentText.Count(BlockSize),
    };

    /// <inheritdoc/>
    public static TrainabilityRunConfig? FromArguments(IReadOnlyDictionary<string, string> arguments) =>
        ArgumentText.ReadBack(arguments, a => new TrainabilityRunConfig(
            checked((int)ArgumentText.ParseCount(a["input-dim"])), ArgumentText.ParseReal(a["radius"]), checked((int)ArgumentText.ParseCount(a["required"])),
            IntList.Parse(a["widths"]), ArgumentText.ParseReal(a["delta"]), ArgumentText.ParseCount(a["trials"]), ArgumentText.ParseSeed(a["seed"]),
            checked((int)ArgumentText.ParseCount(a["block-size"]))));

    /// <inheritdoc/>
    public MonteCarloOptions Options(Shard shard) => new() { Trials = Trials, Seed = Seed, Shard = shard, BlockSize = BlockSize, Threads = 1 };

    /// <summary>One first-layer experiment per width.</summary>
    /// <exception cref="ArgumentException">A value the experiment rejects.</exception>
    public IReadOnlyList<FirstLayerExperiment> Experiments() => [.. Widths.Select(n => new FirstLayerExperiment(InputDim, n, Radius))];
}
