using ReluKernels.Cli.Merge;
using ReluKernels.Cli.State;
using ReluKernels.Conditioning;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Conditioning;

/// <summary>
/// Merges <c>conditioning.shard-k-of-n.json</c> files: checks each against its arguments (every network of the shard once
/// per width, each with finite, symmetric n × n kernels at the depths it keeps), puts the networks in index order and
/// summarises them as one unsharded run does, writing its outputs byte for byte.
/// </summary>
public sealed class ConditioningShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => ConditioningCommand.Name;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shards = ShardSet.Load(paths, Load);
        var payloads = shards.Select(s => s.Runs[0]).ToList();
        static IReadOnlyList<NetworkKernels> InOrder(IEnumerable<NetworkKernels> networks) => [.. networks.OrderBy(x => x.Index)];
        var all = new ConditioningShardPayload(InOrder(payloads.SelectMany(p => p.Networks)),
            [.. Enumerable.Range(0, shards[0].Config.Widths.Length).Select(w => InOrder(payloads.SelectMany(p => p.Widths[w])))]);
        ConditioningCommand.Write(shards[0].Config, all,
            new TrainingState.TrainingOutput(output.OutDirectory, output.Format, output.Figures, MergeOutput.Inputs(shards)));
    }

    /// <summary>Reads and verifies one shard file (its one run is the whole payload).</summary>
    /// <exception cref="UsageException">Unreadable, foreign, modified or inconsistent (one line).</exception>
    public static LoadedState<ConditioningPlan, ConditioningShardPayload> Load(string path) =>
        PlannedStateFile.Load<ConditioningShardPayload, ConditioningPlan, ConditioningShardPayload>(path, ConditioningCommand.Name, ConditioningCommand.PlanOf, Verify);

    private static (IReadOnlyList<ConditioningShardPayload>, bool) Verify(ConditioningPlan plan, Shard shard, ConditioningShardPayload payload)
    {
        var settings = plan.Settings;
        int n = plan.Inputs.Count, depths = settings.MaxDepth;
        bool complete = Verify(payload.Networks, settings.Networks, shard, n, 1, depths, ConditioningSimulation.SimulatesNtk(plan.Activation, settings), $"width-{settings.Width} network");
        if (payload.Widths.Count != plan.Widths.Length)
            throw new ArgumentException($"it holds networks of {payload.Widths.Count} extra widths; --widths has {plan.Widths.Length}");
        for (int w = 0; w < plan.Widths.Length; w++)
            complete &= Verify(payload.Widths[w], settings.Networks, shard, n, depths, 1, ntk: false, $"width-{plan.Widths[w]} network");
        return ([payload], complete);
    }

    // Every network of the shard once, each with `depths` (from `firstDepth`) finite symmetric n × n blocks of K̂ (and of Θ̂ exactly when simulated).
    private static bool Verify(IReadOnlyList<NetworkKernels> networks, int total, Shard shard, int n, int firstDepth, int depths, bool ntk, string what)
    {
        bool complete = ShardUnits.Verify(networks.Select(x => x.Index), total, shard, what);
        foreach (var x in networks)
        {
            if ((x.Tangents is not null) != ntk)
                throw new ArgumentException($"{what} {x.Index} {(ntk ? "lacks" : "has")} NTK matrices; this run {(ntk ? "simulates" : "does not simulate")} the NTK");
            foreach (var (name, values) in new[] { ("kernels", x.Kernels), ("NTKs", x.Tangents) })
                if (values is not null && Fault(values, n, firstDepth, depths) is { } fault)
                    throw new ArgumentException($"{what} {x.Index}: its {name} {fault}");
        }
        return complete;
    }

    private static string? Fault(double[] values, int n, int firstDepth, int depths)
    {
        if (values.Length != depths * n * n)
            return $"hold {values.Length} entries, not {depths} × {n} × {n}";
        if (!values.All(double.IsFinite))
            return "are not all finite";
        for (int h = 0; h < depths; h++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < i; j++)
                    if (values[h * n * n + i * n + j] != values[h * n * n + j * n + i])
                        return $"are not symmetric at depth {firstDepth + h}";
        return null;
    }
}
