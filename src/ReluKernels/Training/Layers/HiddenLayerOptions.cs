namespace ReluKernels.Training.Layers;

/// <summary>The optional extras of one hidden layer of a <see cref="LayeredArchitecture"/>. Validated when constructed.</summary>
public sealed record HiddenLayerOptions
{
    /// <summary>A layer with <paramref name="normalization"/> and inverted dropout at rate <paramref name="dropout"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The normalisation is unknown.</exception>
    /// <exception cref="ArgumentException">The dropout rate is not in [0, 1).</exception>
    public HiddenLayerOptions(HiddenNormalization normalization = HiddenNormalization.None, double dropout = 0)
    {
        if (!Enum.IsDefined(normalization))
            throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown normalisation.");
        // A rate of 1 drops every neuron and scales by 1/(1 − p) = ∞: no network left to train.
        if (!(dropout >= 0 && dropout < 1))
            throw new ArgumentException($"The dropout rate must be in [0, 1); got {dropout}.", nameof(dropout));
        Normalization = normalization;
        Dropout = dropout;
    }

    /// <summary>The normalisation, applied to the pre-activation (batch) or the weights (weight).</summary>
    public HiddenNormalization Normalization { get; }

    /// <summary>The probability p of dropping a neuron's output in training (kept outputs are scaled by 1/(1 − p)); 0 for none.</summary>
    public double Dropout { get; }

    /// <summary>A plain layer.</summary>
    public static HiddenLayerOptions Plain { get; } = new();
}
