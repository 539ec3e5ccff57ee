using ReluKernels.Experiments.Compositional;

namespace ReluKernels.Cli.Compositional;

/// <summary>The JSON of <c>compositional</c>: the settings, the table rows and every model's MSE and region counts.</summary>
/// <param name="Settings">What ran.</param>
/// <param name="Kernel">Which kernel ran.</param>
/// <param name="Rows">Min, mean and median MSE and collapse counts per target and method.</param>
/// <param name="Models">Per row, each model's index, MSE and region counts.</param>
public sealed record CompositionalJson(CompositionalSettingsJson Settings, string Kernel, IReadOnlyList<CompositionalRow> Rows,
    IReadOnlyList<IReadOnlyList<CompositionalModelJson>> Models)
{
    /// <summary>Builds the JSON object of <paramref name="result"/>.</summary>
    public static CompositionalJson From(CompositionalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Setup;
        var settings = new CompositionalSettingsJson([.. s.Targets.Select(t => $"{t.Name} = {t.Function.Name}, waves {t.Sign.ToString().ToLowerInvariant()}")],
            s.Architecture.ToString(), s.Points, s.Models, s.Epochs, s.PretrainingEpochs, s.LearningRate, s.PretrainingLearningRate, s.StartPeaks, s.Seed);
        var models = result.Models.SelectMany(byMethod => byMethod.Select(list =>
            (IReadOnlyList<CompositionalModelJson>)[.. list.Select(m => new CompositionalModelJson(m.Index, double.IsFinite(m.Mse) ? m.Mse : null, m.InitialRegions, m.FinalRegions))])).ToArray();
        return new CompositionalJson(settings, result.Kernel, result.Rows, models);
    }
}

/// <summary>The settings of a <c>compositional</c> run.</summary>
/// <param name="Targets">Each target with its formula and wave sign.</param>
/// <param name="Architecture">The network.</param>
/// <param name="Points">Evenly spaced points on [0, 1].</param>
/// <param name="Models">Models per method and target.</param>
/// <param name="Epochs">Full-batch Adam epochs per model, both stages.</param>
/// <param name="PretrainingEpochs">Of those, stage one's.</param>
/// <param name="LearningRate">Adam's rate on the raw weights.</param>
/// <param name="PretrainingLearningRate">Adam's rate in stage one.</param>
/// <param name="StartPeaks">A fixed start, or null when drawn per model.</param>
/// <param name="Seed">The seed.</param>
public sealed record CompositionalSettingsJson(IReadOnlyList<string> Targets, string Architecture, int Points, int Models, int Epochs, int PretrainingEpochs,
    double LearningRate, double PretrainingLearningRate, IReadOnlyList<double>? StartPeaks, ulong Seed);

/// <summary>One model in the JSON.</summary>
/// <param name="Index">Its stream index.</param>
/// <param name="Mse">Final MSE, or null when the training diverged.</param>
/// <param name="InitialRegions">Regions at the start of raw-weight training.</param>
/// <param name="FinalRegions">Regions after training.</param>
public sealed record CompositionalModelJson(int Index, double? Mse, int InitialRegions, int FinalRegions);
