namespace ReluKernels.Training;

/// <summary>
/// How <see cref="Trainer{TKernel, T}"/> treats the rescaling degeneracy of a positively homogeneous network (Berner,
/// Elbrächter &amp; Grohs 2019: neuron i's incoming vector a_i scaled by λ &gt; 0 and its outgoing vector c_i by 1/λ give
/// the same function). See <see cref="NeuronBalance"/> for the operations.
/// </summary>
public enum BalanceMode
{
    /// <summary>Plain training.</summary>
    None = 0,

    /// <summary>
    /// After every optimiser step (and once before the first), rescale every hidden neuron so that ‖c_i‖₂ = ‖a_i‖₂
    /// (<see cref="NeuronBalance.Project{T}"/>): the function is unchanged, only its parameterisation.
    /// </summary>
    Projection = 1,

    /// <summary>
    /// Add <see cref="TrainingOptions.BalanceWeight"/> · Σ_i (‖c_i‖₂² − ‖a_i‖₂²)² to the objective's gradient
    /// (<see cref="NeuronBalance.AddPenaltyGradient{T}"/>).
    /// </summary>
    Penalty = 2,
}
