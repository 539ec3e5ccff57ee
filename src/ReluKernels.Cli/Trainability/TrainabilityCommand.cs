using System.CommandLine;
using System.Globalization;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.Theory;
using ReluKernels.MonteCarlo.Trainability;

namespace ReluKernels.Cli.Trainability;

/// <summary>
/// <c>relukernels trainability</c>: for shallow networks with random biases on B_r(0) ⊂ ℝ^d, the probability of having at
/// least m active neurons (Theorem 3 of Shin &amp; Karniadakis) and the mean number of active neurons vs width, beside
/// simulated first layers.
/// </summary>
public static class TrainabilityCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var inputDim = CommonOptions.IntInRange("--input-dim", "Input dimension d", TrainabilityDefaults.InputDim, 1, FirstLayerExperiment.MaxInputDim);
        var radius = CommonOptions.NonNegative("--radius", "Radius r of the input domain B_r(0).", TrainabilityDefaults.Radius, strictlyPositive: true);
        var required = CommonOptions.IntInRange("--required", "Active neurons m the task needs", TrainabilityDefaults.Required, 1, FirstLayerExperiment.MaxWidth);
        var widths = CommonOptions.IntList("--widths", "Hidden-layer widths n", TrainabilityDefaults.Widths, 1, FirstLayerExperiment.MaxWidth);
        var delta = OptionValues.Real("--delta", "a number in (0, 1)", v => v is > 0 and < 1);
        delta.Description = "δ of Theorem 6's condition (4), in (0, 1).";
        delta.DefaultValueFactory = _ => TrainabilityDefaults.Delta;
        var trials = CommonOptions.Trials(TrainabilityDefaults.Trials, "Networks per width.");
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var command = new Command("trainability",
            "Trainability (P(at least m active neurons), Theorem 3) and mean active neurons vs width for shallow ReLU networks with random biases, beside simulation (Shin & Karniadakis).")
        {
            inputDim, radius, required, widths, delta, trials, seed, threads, output, format, noPlot,
        };
        command.SetAction(r => Run(r.GetValue(inputDim), r.GetValue(radius), r.GetValue(required), r.ValueOr(widths, [.. TrainabilityDefaults.Widths]), r.GetValue(delta),
            new MonteCarloOptions { Trials = r.GetValue(trials), Seed = r.GetValue(seed), Threads = r.GetValue(threads), BlockSize = TrainabilityDefaults.BlockSize },
            r.GetValue(output)!, r.GetValue(format), r.GetValue(noPlot)));
        return command;
    }

    private static int Run(int d, double r, int m, int[] widths, double delta, MonteCarloOptions options, string outDirectory,
        OutputFormat format, bool noPlot)
    {
        foreach (int n in widths.Where(n => n < m).Take(1))
            throw new UsageException($"--required {m} exceeds width {n}: a width-n layer has at most n active neurons (need m ≤ n)");
        var experiments = widths.Select(n => new FirstLayerExperiment(d, n, r)).ToArray();
        using var interrupt = new Interrupt();
        TrainabilityWidthReport[] reports;
        try
        {
            reports = ProgressDisplay.Run("trainability", interrupt, progress =>
            {
                var done = new TrainabilityWidthReport[experiments.Length];
                for (int i = 0; i < experiments.Length; i++)
                {
                    int finished = i;
                    var tally = FirstLayerSampler.Simulate(experiments[i], options,
                        blocks => progress?.Invoke(finished * options.TotalBlocks + blocks, experiments.Length * options.TotalBlocks), interrupt.Token);
                    done[i] = TrainabilityWidthReport.From(experiments[i], m, tally);
                }
                return done;
            });
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }

        ExperimentFiles.Write(Path.Combine(outDirectory, "trainability"), Json.Serialize(reports), Csv(reports),
            noPlot ? null : stem => TrainabilityPlot.Save(reports, stem), () => TrainabilityTableView.Build(reports), format,
            Note(d, r, m, delta));
        return ExitCodes.Success;
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
