using System.Text.Json.Serialization;
using ReluKernels.Experiments.Compositional;

namespace ReluKernels.Cli.Compositional;

/// <summary>
/// One trained model as a shard file stores it (<see cref="CompositionalModel"/>). System.Text.Json writes float and double
/// in their shortest round-trip form, so every value reads back bit for bit; a diverged model's NaN as a named literal.
/// </summary>
/// <param name="Index">The model index r.</param>
/// <param name="Mse">Final MSE.</param>
/// <param name="InitialRegions">Regions at the start of raw-weight training.</param>
/// <param name="FinalRegions">Regions after training.</param>
/// <param name="Parameters">The trained raw parameters.</param>
/// <param name="Peaks">The peaks after stage one (pretrained methods), else empty.</param>
public sealed record CompositionalModelState(int Index,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double Mse,
    int InitialRegions, int FinalRegions,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] float[] Parameters,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double[] Peaks)
{
    /// <summary>The model it stores.</summary>
    public CompositionalModel ToModel() => new(Index, Mse, InitialRegions, FinalRegions, Parameters, Peaks);
}

/// <summary>The payload of a <c>compositional</c> shard file: the kernel and, per target and method, the shard's models by increasing index.</summary>
/// <param name="Kernel">The kernel that trained them (shards of one result must agree on it).</param>
/// <param name="Models">Per target, per method (in <see cref="CompositionalMethod"/> order), the models r with r mod n = k.</param>
public sealed record CompositionalShardPayload(string Kernel, IReadOnlyList<IReadOnlyList<IReadOnlyList<CompositionalModelState>>> Models)
{
    /// <summary>The payload of trained models.</summary>
    public static CompositionalShardPayload Of(string kernel, IReadOnlyList<IReadOnlyList<IReadOnlyList<CompositionalModel>>> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return new(kernel, [.. models.Select(byMethod => (IReadOnlyList<IReadOnlyList<CompositionalModelState>>)[.. byMethod.Select(list =>
            (IReadOnlyList<CompositionalModelState>)[.. list.Select(m => new CompositionalModelState(m.Index, m.Mse, m.InitialRegions, m.FinalRegions, m.Parameters, m.Peaks))])])]);
    }
}
