namespace ReluKernels.Generators.Emit.Activations;

/// <summary>
/// NormReLU_b (Agarwal, Awasthi &amp; Kale 2021): <c>λ_b · (max(z, b) − μ_b)</c> with μ_b and λ_b in closed form
/// (<c>ActivationConstants</c>); derivative λ_b where the output is above its value at the kink, λ_b(b − μ_b) computed
/// in the element type exactly as the forward pass computes it, else 0.
/// </summary>
internal class NormReluEmitter(double kink) : ActivationEmitter
{
    private readonly double _shift = ActivationConstants.KinkMean(kink);

    private readonly double _factor = ActivationConstants.KinkFactor(kink);

    public override string Name => $"NormReLU (b {Show(kink)})";

    /// <summary>Used by <see cref="NormalizedReluEmitter"/>, the kink-0 case with the closed-form constants of normalised ReLU.</summary>
    protected NormReluEmitter(double kink, double shift, double factor) : this(kink)
    {
        _shift = shift;
        _factor = factor;
    }

    public override string Apply(Isa isa, string t, string z) =>
        $"{isa.Constant(t, _factor)} * ({isa.Max(t, z, isa.Constant(t, kink))} - {isa.Constant(t, _shift)})";

    public override string DerivativeTimes(Isa isa, string t, string output, string preActivation, string g) =>
        isa.WhereGreater(output, isa.Constant(t, Floor(t)), $"{isa.Constant(t, _factor)} * {g}", isa.Zero(t));

    /// <summary>σ at the kink, (b − μ_b)·λ_b, with each constant and operation rounded to the element type.</summary>
    private double Floor(string t) => t == "float"
        ? (float)((float)kink - (float)_shift) * (float)_factor
        : (kink - _shift) * _factor;
}
