using System.Globalization;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo.Trainability;
using ReluKernels.Theory;

namespace ReluKernels.Cli.Trainability;

/// <summary>Turns finished <c>trainability</c> tallies into reports and writes trainability.csv/.json/.png/.svg/.pdf and standard output (a run and a merge alike).</summary>
public static class TrainabilityOutput
{
    /// <summary>Writes the reports of <paramref name="tallies"/> (one per width of <paramref name="config"/>); <paramref name="inputs"/> are merged shards.</summary>
    public static void Write(TrainabilityRunConfig config, IReadOnlyList<FirstLayerTally> tallies, string outDirectory, OutputFormat format, FigureFiles? figures,
        IReadOnlyList<ProvenanceInput>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tallies);
        var experiments = config.Experiments();
        var reports = experiments.Select((e, i) => TrainabilityWidthReport.From(e, config.Required, tallies[i])).ToArray();
        ExperimentFiles.Write(Path.Combine(outDirectory, "trainability"), Json.Serialize(reports), Csv(reports),
            figures is null ? null : stem => TrainabilityPlot.Save(reports, figures, stem), () => TrainabilityTableView.Build(reports), format,
            Note(config.InputDim, config.Radius, config.Required, config.Delta), inputs);
    }

    private static string Note(int d, double r, int m, double delta)
    {
        static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        double overSpecified = ShallowTrainability.OverSpecifiedWidth(m, d, r);
        int width95 = ShallowTrainability.MinimumWidth(LayerScheme.NormalWithBias, m, d, r, 0.95);
        var condition = ShallowTrainability.OverParameterizationNecessity(m, d, r, delta);
        return $"Over-specification (Theorem 3): n = m/(1 − p̂) = {F(overSpecified)} gives {m} active neurons on average; "
            + $"the smallest width with trainability ≥ 0.95 is {width95}.\n"
            + $"Theorem 6, condition (4) with δ = {F(delta)}: 1 − (1 − δ)^(1/m) = {F(condition.LeftSide)} "
            + (condition.Holds ? "<" : "≥") + $" exp(−C_r d)/(π d) = {F(condition.RightSide)}, so it "
            + (condition.Holds ? "holds: a width-m network is trainable with probability < 1 − δ, over-parameterisation is necessary."
                : "does not hold here (the theorem says nothing).");
    }

    private static string Csv(IEnumerable<TrainabilityWidthReport> reports)
    {
        var csv = new Csv("width", "inputDim", "radius", "required", "pHat", "trainability", "meanActive", "meanActiveLowerBound", "trials",
            "trainable", "simulatedTrainability", "trainabilityCiLow", "trainabilityCiHigh", "simulatedMeanActive", "meanActiveCiLow",
            "meanActiveCiHigh", "simulatedPHat", "pHatCiLow", "pHatCiHigh", "agrees");
        foreach (var x in reports)
            csv.Row(x.Width, x.InputDim, x.Radius, x.Required, x.PHat, x.Trainability, x.MeanActive, x.MeanActiveLowerBound, x.Trials,
                x.Trainable, x.SimulatedTrainability, x.TrainabilityCiLow, x.TrainabilityCiHigh, x.SimulatedMeanActive, x.MeanActiveCiLow,
                x.MeanActiveCiHigh, x.SimulatedPHat, x.PHatCiLow, x.PHatCiHigh, x.Agrees);
        return csv.ToString();
    }
}
