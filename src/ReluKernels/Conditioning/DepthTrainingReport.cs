namespace ReluKernels.Conditioning;

/// <summary>The result of a depth-training check: the settings, the data set actually drawn and one row per activation and depth.</summary>
/// <param name="Settings">The settings.</param>
/// <param name="DataSeparation">δ = min_{i≠j} (1 − |⟨xᵢ, xⱼ⟩|) of the drawn inputs (at least <see cref="DepthTrainingSettings.Separation"/>).</param>
/// <param name="TargetVariance">The variance of the ±1 targets: the MSE of the best constant predictor.</param>
/// <param name="Rows">Per activation (in the order given), per depth.</param>
public sealed record DepthTrainingReport(DepthTrainingSettings Settings, double DataSeparation, double TargetVariance, IReadOnlyList<DepthTrainingRow> Rows);
