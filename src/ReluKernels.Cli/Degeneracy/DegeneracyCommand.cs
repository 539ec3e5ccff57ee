using System.CommandLine;
using ReluKernels.Cli.Options;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.Plots;
using ReluKernels.Cli.State;
using ReluKernels.Cli.TrainingState;
using ReluKernels.Degeneracy.Examples;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Degeneracy;

/// <summary>
/// <c>relukernels degeneracy</c>: Berner, Elbrächter &amp; Grohs (2019) — illustrative families after Examples 2.1–2.5,
/// where the realisation distance vanishes while the parameter distance up to symmetries does not, and the ratio
/// |Φ − Γ|_∞ / |R(Φ) − R(Γ)|_{W^{1,∞}}^{1/2} over random pairs in the unrestricted space P and the restricted space Q.
/// With <c>--shard k/n</c> it measures only the pairs p with p mod n = k (the families are deterministic and left to the merge).
/// </summary>
public static class DegeneracyCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "degeneracy";

    /// <summary>Creates the command.</summary>
    public static Command Create() => Create(Run);

    /// <summary>The plan of canonical <paramref name="arguments"/>, or null when they are not a valid command line (merge re-parses them).</summary>
    public static DegeneracyPlan? PlanOf(IReadOnlyDictionary<string, string> arguments) => CommandPlans.Parse<DegeneracyPlan, ShardRequest>(Create, arguments, p => p.Arguments);

    private static Command Create(Func<DegeneracyPlan, ShardRequest, int> run)
    {
        var steps = CommonOptions.IntInRange("--steps", "Members per family (n = 1, 2, 4, … or ε = 10^-1, 10^-2, …)", DegeneracyDefaults.Steps, 1, ExampleFamilyStudy.MaxSteps);
        var width = CommonOptions.IntInRange("--width", "Hidden width m of the random (1, m, 1) pairs", DegeneracyDefaults.Width, 1, RestrictedSpaceStudy.MaxWidth);
        var pairs = CommonOptions.IntInRange("--pairs", "Random pairs of the restricted-space study", DegeneracyDefaults.Pairs, 1, 1_000_000);
        var tolerance = CommonOptions.NonNegative("--tolerance", "Relative tolerance for positively parallel neurons when projecting onto Q.",
            DegeneracyDefaults.Tolerance, strictlyPositive: true);
        var shard = CommonOptions.Shard($"{Name}.shard-k-of-n.json", "the pairs p with p mod n = k and write them");
        var seed = CommonOptions.Seed();
        var output = CommonOptions.Out();
        var format = CommonOptions.Format();
        var noPlot = CommonOptions.NoPlot();
        var dpi = CommonOptions.Dpi();
        var command = new Command(Name,
            "Degenerate parametrisations (Berner, Elbrächter & Grohs 2019): Examples 2.1-2.5 as families, and the inverse-stability ratio on random pairs in P and Q.")
        {
            steps, width, pairs, tolerance, shard, seed, output, format, noPlot, dpi,
        };
        command.SetAction(r => run(new DegeneracyPlan(r.GetValue(steps), r.GetValue(width), r.GetValue(pairs), r.GetValue(tolerance), r.GetValue(seed)),
            new ShardRequest(r.GetValue(shard) ?? Shard.Whole, new TrainingOutput(r.GetValue(output)!, r.GetValue(format), FigureFiles.From(r.GetValue(noPlot), r.GetValue(dpi)), null))));
        return command;
    }

    private static int Run(DegeneracyPlan plan, ShardRequest request)
    {
        using var interrupt = new Interrupt();
        RestrictedSpacePair[] measured;
        try
        {
            measured = RestrictedSpaceStudy.Measure(plan.Width, plan.Seed, ShardUnits.Of(plan.Pairs, request.Shard), tolerance: plan.Tolerance,
                cancellationToken: interrupt.Token);
        }
        catch (OperationCanceledException)
        {
            return interrupt.Report();
        }
        if (!request.Shard.IsWhole)
        {
            ShardResult.Write(request.Output.OutDirectory, Name, plan.Arguments, request.Shard, new DegeneracyShardPayload(measured));
            return ExitCodes.Success;
        }
        Write(plan, measured, request.Output);
        return ExitCodes.Success;
    }

    /// <summary>Writes every output of the run from all its pairs, in pair order.</summary>
    public static void Write(DegeneracyPlan plan, IReadOnlyList<RestrictedSpacePair> pairs, TrainingOutput output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var families = ExampleFamilies.All.SelectMany(f => ExampleFamilyStudy.Measure(f, plan.Steps)).ToArray();
        var result = new DegeneracyResult(families, RestrictedSpaceStudy.Summarise(plan.Width, plan.Seed, pairs));
        ExperimentFiles.Write(Path.Combine(output.OutDirectory, Name), Json.Serialize(result), DegeneracyCsv.Build(result.Families),
            output.Figures is null ? null : stem => DegeneracyPlot.Save(result, output.Figures, stem), () => DegeneracyTableView.Build(result), output.Format,
            DegeneracyTableView.Note(result), output.Inputs);
    }
}
