using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Degeneracy.Examples;
using ReluKernels.Experiments;

namespace ReluKernels.Cli.Degeneracy;

/// <summary>
/// <c>relukernels degeneracy</c>: Berner, Elbrächter &amp; Grohs (2019) — illustrative families after Examples 2.1–2.5,
/// where the realisation distance vanishes while the parameter distance up to symmetries does not, and the ratio
/// |Φ − Γ|_∞ / |R(Φ) − R(Γ)|_{W^{1,∞}}^{1/2} over random pairs in the unrestricted space P and the restricted space Q.
/// </summary>
public static class DegeneracyCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var steps = CommonOptions.IntInRange("--steps", "Members per family (n = 1, 2, 4, … or ε = 10^-1, 10^-2, …)", DegeneracyDefaults.Steps, 1, ExampleFamilyStudy.MaxSteps);
        var width = CommonOptions.IntInRange("--width", "Hidden width m of the random (1, m, 1) pairs", DegeneracyDefaults.Width, 1, RestrictedSpaceStudy.MaxWidth);
        var pairs = CommonOptions.IntInRange("--pairs", "Random pairs of the restricted-space study", DegeneracyDefaults.Pairs, 1, 1_000_000);
        var tolerance = CommonOptions.NonNegative("--tolerance", "Relative tolerance for positively parallel neurons when projecting onto Q.",
            DegeneracyDefaults.Tolerance, strictlyPositive: true);
        var seed = CommonOptions.Seed();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var command = new Command("degeneracy",
            "Degenerate parametrisations (Berner, Elbrächter & Grohs 2019): Examples 2.1-2.5 as families, and the inverse-stability ratio on random pairs in P and Q.")
        {
            steps, width, pairs, tolerance, seed, output, format, noPlot,
        };
        command.SetAction(r => Run(r.GetValue(steps), r.GetValue(width), r.GetValue(pairs), r.GetValue(tolerance), r.GetValue(seed),
            r.GetValue(output)!, r.GetValue(format), r.GetValue(noPlot)));
        return command;
    }

    private static int Run(int steps, int width, int pairs, double tolerance, ulong seed, string outDirectory, OutputFormat format, bool noPlot)
    {
        using var interrupt = new Interrupt();
        DegeneracyResult result;
        try
        {
            var families = ExampleFamilies.All.SelectMany(f => ExampleFamilyStudy.Measure(f, steps)).ToArray();
            var study = RestrictedSpaceStudy.Run(width, pairs, seed, tolerance: tolerance, cancellationToken: interrupt.Token);
            result = new DegeneracyResult(families, study);
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        ExperimentFiles.Write(Path.Combine(outDirectory, "degeneracy"), Json.Serialize(result), DegeneracyCsv.Build(result.Families),
            noPlot ? null : stem => DegeneracyPlot.Save(result, stem), () => DegeneracyTableView.Build(result), format, DegeneracyTableView.Note(result));
        return ExitCodes.Success;
    }
}
