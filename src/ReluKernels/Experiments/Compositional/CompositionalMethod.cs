namespace ReluKernels.Experiments.Compositional;

/// <summary>The networks compared in Milkert, Hyde &amp; Laine (2023), Tables 1–2 (RAAI aside: docs/experiments/compositional.md says why).</summary>
public enum CompositionalMethod
{
    /// <summary>PyTorch's <c>nn.Linear</c> default (Kaiming-uniform weights and biases), raw-weight training only ("Default Network").</summary>
    PyTorchDefault = 0,

    /// <summary>The constructed start, raw-weight training only ("No Pretraining").</summary>
    NoPretraining = 1,

    /// <summary>Stage one with free scales, then raw-weight training ("Differentiability Not Enforced").</summary>
    PretrainedFreeScales = 2,

    /// <summary>Stage one under the differentiability condition, then raw-weight training ("Differentiability Enforced").</summary>
    Pretrained = 3,
}
