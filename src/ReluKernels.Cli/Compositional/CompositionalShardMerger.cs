using ReluKernels.Cli.Merge;
using ReluKernels.Cli.State;
using ReluKernels.Experiments.Compositional;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.Compositional;

/// <summary>
/// Merges <c>compositional.shard-k-of-n.json</c> files: checks each against its arguments (every model of the shard once per
/// target and method, with the architecture's parameter count), checks that one kernel trained them all, puts the models
/// in index order and writes the outputs of one unsharded run, byte for byte.
/// </summary>
public sealed class CompositionalShardMerger : IShardMerger
{
    /// <inheritdoc/>
    public string Command => CompositionalCommand.Name;

    /// <inheritdoc/>
    public void Merge(IReadOnlyList<string> paths, MergeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var shards = ShardSet.Load(paths, Load);
        foreach (var shard in shards.Where(s => s.Runs[0].Kernel != shards[0].Runs[0].Kernel).Take(1))
            throw new UsageException($"'{shard.Path}' ran on {shard.Runs[0].Kernel}, '{shards[0].Path}' on {shards[0].Runs[0].Kernel}: results of different kernels do not merge");
        var setup = shards[0].Config.Setup;
        var models = Enumerable.Range(0, setup.Targets.Count).Select(t => (IReadOnlyList<IReadOnlyList<CompositionalModel>>)[.. Enumerable.Range(0, Methods).Select(m =>
            (IReadOnlyList<CompositionalModel>)[.. shards.SelectMany(s => s.Runs[0].Models[t][m]).OrderBy(x => x.Index).Select(x => x.ToModel())])]).ToList();
        CompositionalCommand.Write(CompositionalExperiment.Result(setup, shards[0].Runs[0].Kernel, models),
            new TrainingState.TrainingOutput(output.OutDirectory, output.Format, output.Figures, MergeOutput.Inputs(shards)));
    }

    private static int Methods => Enum.GetValues<CompositionalMethod>().Length;

    /// <summary>Reads and verifies one shard file (its one run is the whole payload).</summary>
    /// <exception cref="UsageException">Unreadable, foreign, modified or inconsistent (one line).</exception>
    public static LoadedState<CompositionalPlan, CompositionalShardPayload> Load(string path) =>
        PlannedStateFile.Load<CompositionalShardPayload, CompositionalPlan, CompositionalShardPayload>(path, CompositionalCommand.Name, CompositionalCommand.PlanOf, Verify);

    private static (IReadOnlyList<CompositionalShardPayload>, bool) Verify(CompositionalPlan plan, Shard shard, CompositionalShardPayload payload)
    {
        var setup = plan.Setup;
        if (string.IsNullOrWhiteSpace(payload.Kernel))
            throw new ArgumentException("it names no kernel");
        if (payload.Models.Count != setup.Targets.Count || payload.Models.Any(byMethod => byMethod.Count != Methods))
            throw new ArgumentException($"it does not hold {Methods} methods for each of {setup.Targets.Count} targets");
        bool complete = true;
        for (int t = 0; t < setup.Targets.Count; t++)
            for (int m = 0; m < Methods; m++)
            {
                var method = (CompositionalMethod)m;
                string what = $"model of {setup.Targets[t].Name} {method}";
                var list = payload.Models[t][m];
                complete &= ShardUnits.Verify(list.Select(x => x.Index), setup.Models, shard, what);
                int peaks = method is CompositionalMethod.Pretrained or CompositionalMethod.PretrainedFreeScales ? setup.Depth : 0;
                foreach (var x in list)
                {
                    if (x.Parameters.Length != setup.Architecture.ParameterCount || x.Peaks.Length != peaks)
                        throw new ArgumentException($"{what} {x.Index} has {x.Parameters.Length} parameters and {x.Peaks.Length} peaks; "
                            + $"{setup.Architecture} has {setup.Architecture.ParameterCount} and {method} keeps {peaks}");
                    if (x.InitialRegions < 0 || x.FinalRegions < 0)
                        throw new ArgumentException($"{what} {x.Index} has a negative region count");
                }
            }
        return ([payload], complete);
    }
}
