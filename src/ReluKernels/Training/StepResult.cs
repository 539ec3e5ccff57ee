namespace ReluKernels.Training;

/// <summary>What one training step (<see cref="Trainer{TKernel, T}.Step"/>) saw.</summary>
/// <param name="Loss">The mini-batch loss before the update; when it is not finite no update was made.</param>
/// <param name="HiddenGradientsZero">Whether the gradient of every hidden-layer parameter was exactly zero (only the output layer's was not).</param>
public readonly record struct StepResult(double Loss, bool HiddenGradientsZero);
