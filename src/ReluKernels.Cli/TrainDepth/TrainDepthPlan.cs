using ReluKernels.Cli.State;
using ReluKernels.Conditioning;

namespace ReluKernels.Cli.TrainDepth;

/// <summary>What a <c>train-depth</c> run trains, and the canonical arguments its runs depend on.</summary>
/// <param name="Settings">The scale, depths distinct and ascending.</param>
/// <param name="Arguments">Canonical option name → value, a valid command line (merge re-parses it).</param>
public sealed record TrainDepthPlan(DepthTrainingSettings Settings, IReadOnlyDictionary<string, string> Arguments)
{
    /// <summary>Every (activation, depth) cell of the run, in report order: activations outer, depths inner.</summary>
    public IEnumerable<(DepthTrainingActivation Activation, int Depth)> Cells =>
        DepthTrainingActivation.All.SelectMany(a => Settings.Depths.Select(depth => (a, depth)));

    /// <summary>The canonical arguments of <paramref name="settings"/> (everything the runs depend on; not threads or output).</summary>
    public static IReadOnlyDictionary<string, string> ArgumentsOf(DepthTrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new Dictionary<string, string>
        {
            ["width"] = ArgumentText.Count(settings.Width),
            ["depths"] = string.Join(',', settings.Depths.Select(d => ArgumentText.Count(d))),
            ["inputs"] = ArgumentText.Count(settings.Inputs),
            ["dimension"] = ArgumentText.Count(settings.Dimension),
            ["separation"] = ArgumentText.Real(settings.Separation),
            ["epochs"] = ArgumentText.Count(settings.Epochs),
            ["lr"] = ArgumentText.Real(settings.LearningRate),
            ["runs"] = ArgumentText.Count(settings.Runs),
            ["seed"] = ArgumentText.Seed(settings.Seed),
        };
    }
}
