using ReluKernels.Experiments.Training;

namespace ReluKernels.Conditioning;

/// <summary>One activation at one depth of the depth-training check: the training loss over the runs before and after training.</summary>
/// <param name="Activation">The activation's name (<see cref="DepthTrainingActivation.Name"/>).</param>
/// <param name="Depth">Hidden layers.</param>
/// <param name="Runs">Trainings.</param>
/// <param name="InitialLoss">MSE of the initial networks over the runs.</param>
/// <param name="FinalLoss">MSE after training over the runs that did not diverge; null when all diverged.</param>
/// <param name="Fitted">Runs whose final MSE is at most <see cref="DepthTrainingExperiment.FitThreshold"/>.</param>
/// <param name="Diverged">Runs whose loss or parameters became NaN or infinite.</param>
public sealed record DepthTrainingRow(string Activation, int Depth, int Runs, Quantiles InitialLoss, Quantiles? FinalLoss, int Fitted, int Diverged);
