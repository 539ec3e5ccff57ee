using System.Globalization;
using ReluKernels.Cli.Output;
using ReluKernels.Cli.State;
using ReluKernels.Cli.TrainingState;
using ReluKernels.Compositional;
using Spectre.Console;

namespace ReluKernels.Cli.Compositional;

/// <summary>
/// <c>relukernels compositional --regions</c>: exact output linear regions on [0, 1] of random 1 → [4 × d] → 1 networks
/// (He with bias, PyTorch's default and RAI), d = 1..depth, beside the construction's 2^d (the table of docs/experiments/compositional.md).
/// With <c>--shard k/n</c> it counts only the networks n with n mod shards = k (at every initialiser and depth) and stores their counts.
/// </summary>
public static class CompositionalRegions
{
    /// <summary>The name of its outputs and the <c>command</c> of its shard files.</summary>
    public const string Name = "compositional-regions";

    /// <summary>Random networks per depth and initialiser when <c>--models</c> is not given.</summary>
    public const int DefaultNetworks = 2000;

    /// <summary>The surveyed initialisers, in table order, with their table names.</summary>
    public static IReadOnlyList<(string Name, IInitializer Initializer)> Initializers { get; } =
        [("He", NormalInitializer.HeWithBias), ("PyTorch", UniformInitializer.PyTorchDefault), ("RAI", RandomizedAsymmetricInitializer.Default)];

    private static readonly string[] Columns = ["init", "d", "2^d", "mean", "min", "Q1", "median", "Q3", "max", "one region"];

    /// <summary>Counts the regions of the request's networks; writes the shard file, or, unsharded, every output.</summary>
    public static int Run(CompositionalRegionsPlan plan, ShardRequest request)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        int[] indices = ShardUnits.Of(plan.Networks, request.Shard);
        // counts[i][d − 1][j]: initialiser i at depth d, network indices[j].
        var counts = Initializers.Select(init => (IReadOnlyList<int[]>)[.. Enumerable.Range(1, plan.Depth).Select(d =>
            RegionCountSurvey.Sample(init.Initializer, CompositionalNetwork.Width, d, indices, plan.Seed))]).ToList();
        if (!request.Shard.IsWhole)
        {
            var networks = indices.Select((n, j) => new RegionCountsState(n, [.. counts.Select(byDepth => (IReadOnlyList<int>)[.. byDepth.Select(c => c[j])])]));
            ShardResult.Write(request.Output.OutDirectory, Name, plan.Arguments, request.Shard,
                new CompositionalRegionsShardPayload([.. Initializers.Select(i => i.Name)], [.. networks]));
            return ExitCodes.Success;
        }
        Write(plan, counts, request.Output);
        return ExitCodes.Success;
    }

    /// <summary>Summarises every network (in network order) and writes <c>compositional-regions.csv/.json</c> and the table.</summary>
    /// <param name="plan">The survey.</param>
    /// <param name="counts">Per initialiser of <see cref="Initializers"/>, per depth 1..d, the counts of networks 0..N−1 in network order.</param>
    /// <param name="output">Where the results go.</param>
    public static void Write(CompositionalRegionsPlan plan, IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> counts, TrainingOutput output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(output);
        var rows = new List<RegionRow>();
        foreach (var ((name, initializer), byDepth) in Initializers.Zip(counts))
            for (int d = 1; d <= plan.Depth; d++)
            {
                var s = RegionCountSurvey.Summarise(initializer, CompositionalNetwork.Width, d, byDepth[d - 1]);
                var q = s.Quantiles;
                rows.Add(new RegionRow(name, d, s.ConstructionCount, s.Counts.Count, s.Mean, q.Min, q.Q1, q.Median, q.Q3, q.Max, s.SingleRegionFraction));
            }
        var csv = new Csv("init", "depth", "construction", "networks", "mean", "min", "q1", "median", "q3", "max", "oneRegionFraction");
        foreach (var r in rows)
            csv.Row(r.Init, r.Depth, r.Construction, r.Networks, r.Mean, r.Min, r.Q1, r.Median, r.Q3, r.Max, r.OneRegionFraction);
        ExperimentFiles.Write(Path.Combine(output.OutDirectory, Name), Json.Serialize(rows), csv.ToString(), null, () =>
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (string column in Columns)
                table.AddColumn(new TableColumn(column).RightAligned());
            foreach (var r in rows)
                table.AddRow(r.Init, I(r.Depth), I(r.Construction), F(r.Mean, "0.00"), F(r.Min, "0.#"), F(r.Q1, "0.#"), F(r.Median, "0.#"), F(r.Q3, "0.#"),
                    F(r.Max, "0.#"), F(100 * r.OneRegionFraction, "0.0") + " %");
            table.Caption(Markup.Escape($"Exact output regions on [0, 1] of {plan.Networks} random 1 → [4 × d] → 1 networks per row (network n from CounterRng(seed {plan.Seed}, stream n)). "
                + "He: [W, b] ~ N(0, 2/(fan_in + 1)); PyTorch: W, b ~ U(±1/√fan_in); RAI: one entry of each neuron's [w, b] ~ Beta(2, 1), "
                + $"the rest N(0, {RandomizedAsymmetricInitializer.PaperSigma}²/fan_in). Quantiles: R-8."));
            return table;
        }, output.Format, null, output.Inputs);
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, string pattern) => value.ToString(pattern, CultureInfo.InvariantCulture);

    /// <summary>One row of the region-count table.</summary>
    /// <param name="Init">He, PyTorch or RAI.</param>
    /// <param name="Depth">Hidden layers.</param>
    /// <param name="Construction">2^depth.</param>
    /// <param name="Networks">Networks sampled.</param>
    /// <param name="Mean">Mean count.</param>
    /// <param name="Min">Least count.</param>
    /// <param name="Q1">First quartile.</param>
    /// <param name="Median">Median.</param>
    /// <param name="Q3">Third quartile.</param>
    /// <param name="Max">Largest count.</param>
    /// <param name="OneRegionFraction">Fraction with a single region.</param>
    public sealed record RegionRow(string Init, int Depth, long Construction, int Networks, double Mean, double Min, double Q1, double Median, double Q3,
        double Max, double OneRegionFraction);
}
