using System.CommandLine;
using ReluKernels.Activations;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Experiments;

namespace ReluKernels.Cli.Activations;

/// <summary>
/// <c>relukernels activations</c>: for every supported activation, its normalising constants, the coefficient of
/// non-linearity μ of its normalised version and that version's dual σ̂ at a few ρ, with the App. C.4 rows of Agarwal,
/// Awasthi &amp; Kale (2021) marked.
/// </summary>
public static class ActivationsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        // Accepted like on every experiment command, so scripts can pass it everywhere; this command has no plot.
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command("activations", "Normalising constants, coefficient of non-linearity μ and dual σ̂(ρ) of every supported activation (Agarwal et al. 2021, App. C.4).")
        {
            output, format, noPlot, dpi,
        };
        command.SetAction(r => Run(r.GetValue(output)!, r.GetValue(format)));
        return command;
    }

    private static int Run(string outDirectory, OutputFormat format)
    {
        var reports = SupportedActivations.All.Select(a => ActivationReport.For(a, ActivationReport.DefaultCorrelations)).ToList();
        ExperimentFiles.Write(Path.Combine(outDirectory, "activations"), Json.Serialize(reports), Csv(reports), plot: null,
            () => ActivationsTableView.Build(reports), format);
        return ExitCodes.Success;
    }

    private static string Csv(IReadOnlyList<ActivationReport> reports)
    {
        var rhos = ActivationReport.DefaultCorrelations;
        var csv = new Csv(["activation", "mean", "secondMoment", "shift", "factor", "mu", "muClosedForm", "inPaperTable", "dualClosedForm",
            .. rhos.Select(r => FormattableString.Invariant($"dual{r}"))]);
        foreach (var r in reports)
            csv.Row([r.Activation, r.Mean, r.SecondMoment, r.Shift, r.Factor, r.NonLinearity, r.ClosedFormNonLinearity, r.InPaperTable, r.DualClosedForm, .. r.Dual.Cast<object?>()]);
        return csv.ToString();
    }
}
