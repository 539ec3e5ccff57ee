namespace ReluKernels.Analysis;

/// <summary>Shin &amp; Karniadakis's permanent death (§3.2; docs/definitions.md).</summary>
public static class PermanentDeath
{
    /// <summary>
    /// Whether a neuron of a hidden layer t &gt; 1 can never become positive: its inputs are ReLU outputs (≥ 0), so when
    /// every incoming weight and the bias are ≤ 0 its pre-activation is ≤ 0 however the layers below change. A dead neuron
    /// with this property is permanently dead; any other dead neuron of a layer t &gt; 1 is tentatively dead.
    /// </summary>
    /// <param name="weights">The neuron's incoming weights.</param>
    /// <param name="bias">Its bias (0 for a bias-free layer).</param>
    public static bool HasNonPositiveParameters(ReadOnlySpan<double> weights, double bias)
    {
        if (!(bias <= 0))
            return false;
        foreach (double w in weights)
            if (!(w <= 0))
                return false;
        return true;
    }
}
