namespace ReluKernels.Experiments.Compositional;

/// <summary>One trained model of a <see cref="CompositionalExperiment"/>.</summary>
/// <param name="Index">r: it drew from <c>CounterRng(seed, r)</c>.</param>
/// <param name="Mse">Mean squared error on the training points after training.</param>
/// <param name="InitialRegions">Linear regions of the output on [0, 1] at the start (after stage one for the pretrained methods: the start of stage two).</param>
/// <param name="FinalRegions">Linear regions after training.</param>
/// <param name="Parameters">The trained raw parameters.</param>
/// <param name="Peaks">The peaks a_0..a_{d−1} after stage one (pretrained methods), else empty.</param>
public sealed record CompositionalModel(int Index, double Mse, int InitialRegions, int FinalRegions, float[] Parameters, double[] Peaks);
