namespace ReluKernels.Analysis;

/// <summary>What one <see cref="PiecewiseLinearPropagator.ApplyLayer"/> call found about the layer it produced.</summary>
/// <param name="IdenticallyZero">Every neuron of the layer is identically 0 on Ω (the layer is dead; the network collapses).</param>
/// <param name="DeadNeurons">Neurons constant on Ω: <see cref="NeuronState.DeadZero"/> plus <see cref="NeuronState.DeadConstant"/>.</param>
/// <param name="ZeroNeurons">Neurons identically 0 on Ω (<see cref="NeuronState.DeadZero"/>).</param>
public readonly record struct LayerReport(bool IdenticallyZero, int DeadNeurons, int ZeroNeurons);
