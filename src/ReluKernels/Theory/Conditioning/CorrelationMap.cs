namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// The depth-L correlation map ρ ↦ σ̂^(L)(ρ), the L-fold composition of the dual activation: for a normalised σ it is
/// the infinite-width correlation of two unit inputs with correlation ρ after L hidden layers. Source: Agarwal, Awasthi
/// &amp; Kale (2021), Lemma C.4 (after Daniely, Frostig &amp; Singer 2016). <b>EXACT</b> in the infinite-width limit
/// (to the accuracy of <see cref="DualActivation"/>).
/// </summary>
public static class CorrelationMap
{
    /// <summary>σ̂^(L)(ρ).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dual"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rho"/> is outside [−1, 1] or <paramref name="depth"/> &lt; 0.</exception>
    public static double Compose(DualActivation dual, double rho, int depth) => Sequence(dual, rho, depth)[depth];

    /// <summary>ρ₀ = ρ, ρ₁ = σ̂(ρ₀), …, ρ_L = σ̂^(L)(ρ): <paramref name="depth"/> + 1 values.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dual"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rho"/> is outside [−1, 1] or <paramref name="depth"/> &lt; 0.</exception>
    public static double[] Sequence(DualActivation dual, double rho, int depth)
    {
        ArgumentNullException.ThrowIfNull(dual);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        var values = new double[depth + 1];
        if (!(Math.Abs(rho) <= 1))
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "a correlation must be in [-1, 1].");
        values[0] = rho;
        for (int l = 1; l <= depth; l++)
            values[l] = dual.Value(values[l - 1]);
        return values;
    }
}
