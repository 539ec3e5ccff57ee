namespace ReluKernels.Training.Layers;

/// <summary>How a hidden layer of a <see cref="LayeredArchitecture"/> is normalised (Lu, Su &amp; Karniadakis 2019, §5.2).</summary>
public enum HiddenNormalization
{
    /// <summary>No normalisation: the plain layer z = W·a + b.</summary>
    None,

    /// <summary>
    /// Batch normalisation of the pre-activation, before the activation: u = γ·(z − μ)/√(σ² + ε) + β with the mini-batch's
    /// mean and (biased) variance in training and the running estimates at evaluation (PyTorch's <c>BatchNorm1d</c>).
    /// </summary>
    Batch,

    /// <summary>Weight normalisation per neuron: row j of W is g_j·v_j/‖v_j‖ (PyTorch's <c>weight_norm</c>, dim 0).</summary>
    Weight,
}
