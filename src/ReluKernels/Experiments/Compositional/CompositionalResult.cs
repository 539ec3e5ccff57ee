namespace ReluKernels.Experiments.Compositional;

/// <summary>Everything a <see cref="CompositionalExperiment"/> produced.</summary>
/// <param name="Setup">What ran.</param>
/// <param name="Kernel">Which kernel ran.</param>
/// <param name="Rows">Per target, per method (in <see cref="CompositionalMethod"/> order).</param>
/// <param name="Models">Per target, per method, every model in index order.</param>
public sealed record CompositionalResult(CompositionalSetup Setup, string Kernel, IReadOnlyList<CompositionalRow> Rows,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<CompositionalModel>>> Models)
{
    /// <summary>The model with the least MSE of <paramref name="method"/> on target <paramref name="target"/> (an index into <see cref="CompositionalSetup.Targets"/>).</summary>
    public CompositionalModel Best(int target, CompositionalMethod method) => Models[target][(int)method].MinBy(m => double.IsNaN(m.Mse) ? double.PositiveInfinity : m.Mse)!;
}
