namespace ReluKernels.Degeneracy;

/// <summary>Two neurons of one hidden layer whose incoming vectors are positively parallel or exactly opposite.</summary>
/// <param name="Layer">Hidden layer, 1-based.</param>
/// <param name="First">The lower neuron index.</param>
/// <param name="Second">The higher neuron index.</param>
/// <param name="Factor">λ with a_Second ≈ λ·a_First: positive for parallel pairs, negative for opposite ones.</param>
public readonly record struct NeuronPair(int Layer, int First, int Second, double Factor);
