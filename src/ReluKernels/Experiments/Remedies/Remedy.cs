namespace ReluKernels.Experiments.Remedies;

/// <summary>
/// What a <see cref="RemedyExperiment"/> tries against the collapse of deep, narrow ReLU networks: the remedies of
/// Lu, Su &amp; Karniadakis 2019, §5, RAI from Lu, Shin, Su &amp; Karniadakis 2020, and leaky ReLU as a control the papers did
/// not run. <see cref="RemedyNetworks"/> says what each one changes.
/// </summary>
public enum Remedy
{
    /// <summary>No remedy: ReLU, He normal weights, zero biases (the baseline that collapses).</summary>
    He,

    /// <summary>Orthogonal weights, zero biases (§5.1).</summary>
    Orthogonal,

    /// <summary>LSUV: orthogonal, then per-layer rescaling to unit pre-activation variance on the training inputs (§5.1).</summary>
    Lsuv,

    /// <summary>Randomized asymmetric initialisation (Lu, Shin, Su &amp; Karniadakis 2020).</summary>
    Rai,

    /// <summary>Batch normalisation before every hidden activation, He weights (§5.2).</summary>
    BatchNorm,

    /// <summary>Weight normalisation of every hidden layer, He directions (§5.2).</summary>
    WeightNorm,

    /// <summary>SELU activation with LeCun normal weights (§5.2).</summary>
    Selu,

    /// <summary>Inverted dropout after every hidden activation, He weights (§5.2).</summary>
    Dropout,

    /// <summary>Leaky ReLU (its default slope) with He weights: a control with no zero region.</summary>
    LeakyRelu,
}
