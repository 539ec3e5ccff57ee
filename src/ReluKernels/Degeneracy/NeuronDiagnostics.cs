using ReluKernels.Analysis;

namespace ReluKernels.Degeneracy;

/// <summary>What <see cref="DegeneracyDiagnostics"/> found about one hidden neuron.</summary>
/// <param name="Layer">Hidden layer, 1-based.</param>
/// <param name="Neuron">Neuron index in the layer, 0-based.</param>
/// <param name="IncomingNorm">‖a‖_∞ of the incoming vector a = (w, b), bias included when the network has biases.</param>
/// <param name="OutgoingNorm">‖c‖_∞ of the outgoing vector c (the neuron's column of the next layer's weights; |c| for one output).</param>
/// <param name="IsBalanced">|‖c‖_∞ − ‖a‖_∞| ≤ τ·max(‖c‖_∞, ‖a‖_∞), τ the report's tolerance.</param>
/// <param name="State">Whether the neuron is constant on the report's domain (exact or estimated; see <see cref="DegeneracyReport.DeadnessMethod"/>).</param>
public sealed record NeuronDiagnostics(int Layer, int Neuron, double IncomingNorm, double OutgoingNorm, bool IsBalanced, NeuronState State)
{
    /// <summary>‖c‖_∞ / ‖a‖_∞: 1 when balanced, 0 or ∞ when completely unbalanced, NaN when both are 0.</summary>
    public double BalanceRatio => OutgoingNorm / IncomingNorm;
}
