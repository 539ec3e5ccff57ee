using System.Numerics;

namespace ReluKernels;

/// <summary>
/// The activation of <see cref="GenericNetwork{T}"/>: σ(z) and σ'(z)·g in exactly the operations the generator's
/// emitters (<c>generators/ReluKernels.Generators/Emit/Activations</c>) write, with the constants rounded to
/// <typeparamref name="T"/> once, so the oracle is bit-identical to every generated path.
/// </summary>
/// <remarks>
/// Every supported activation is monotone with σ(z) &gt; σ(kink) exactly where z is past its kink, so σ' is read from the
/// output the backward pass already keeps (as for ReLU): leaky ReLU a, ELU y + α, SELU y + λα, normalised ReLU and NormReLU
/// λ_b where y &gt; λ_b(b − μ_b), normalised tanh (1 − (s·y)²)/s. That is why leaky ReLU and ELU require a parameter ≥ 0.
/// Normalised erf is the exception: its σ' = (2/√π)e^{−z²}/s is not a function of y (inverting erf near ±1 would lose
/// every digit), so the backward passes keep its pre-activations z too and <see cref="DerivativeTimes"/> takes both.
/// </remarks>
internal readonly struct KernelActivation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Activation _kind;
    private readonly T _kink;    // where σ bends: 0, or b for NormReLU
    private readonly T _slope;   // leaky slope; ELU α; SELU λα; normalised erf's σ'(0)
    private readonly T _scale;   // SELU λ; normalised/NormReLU factor λ_b; normalised tanh/erf factor 1/s
    private readonly T _deviation; // normalised tanh's s, to recover tanh z = s·y
    private readonly T _shift;   // normalised/NormReLU μ_b
    private readonly T _floor;   // σ at and below the kink for normalised/NormReLU: λ_b(b − μ_b) in T

    public KernelActivation(NetworkArchitecture architecture)
    {
        _kind = architecture.Activation;
        double parameter = architecture.ActivationParameter;
        (double kink, double slope, double scale, double shift) = _kind switch
        {
            Activation.LeakyReLU or Activation.ELU => (0, parameter, 1, 0),
            Activation.SELU => (0, ActivationConstants.SeluScale * ActivationConstants.SeluAlpha, ActivationConstants.SeluScale, 0),
            Activation.NormalizedReLU => (0, 0, ActivationConstants.NormalizedReluFactor, ActivationConstants.NormalizedReluShift),
            Activation.NormReLU => (parameter, 0, ActivationConstants.KinkFactor(parameter), ActivationConstants.KinkMean(parameter)),
            Activation.NormalizedTanh => (0, 0, ActivationConstants.NormalizedTanhFactor, 0),
            Activation.NormalizedErf => (0, ActivationConstants.NormalizedErfSlope, ActivationConstants.NormalizedErfFactor, 0),
            _ => (0d, 0d, 1d, 0d),
        };
        _deviation = T.CreateTruncating(ActivationConstants.NormalizedTanhDeviation);
        _kink = T.CreateTruncating(kink);
        _slope = T.CreateTruncating(slope);
        _scale = T.CreateTruncating(scale);
        _shift = T.CreateTruncating(shift);
        _floor = (_kink - _shift) * _scale;
    }

    /// <summary>σ(z).</summary>
    public T Apply(T z) => _kind switch
    {
        Activation.ReLU => T.Max(z, T.Zero),
        Activation.LeakyReLU => z > T.Zero ? z : _slope * z,
        Activation.ELU => z > T.Zero ? z : _slope * (Exp(z) - T.One),
        Activation.SELU => z > T.Zero ? _scale * z : _slope * (Exp(z) - T.One),
        Activation.NormalizedReLU or Activation.NormReLU => _scale * (T.Max(z, _kink) - _shift),
        Activation.NormalizedTanh => _scale * Tanh(z),
        Activation.NormalizedErf => _scale * Erf(z),
        _ => throw new NotSupportedException(_kind.ToString()),
    };

    /// <summary>σ'(z)·g, with σ' read from the output y = σ(z), or for normalised erf from z (see the remarks).</summary>
    public T DerivativeTimes(T y, T z, T g) => _kind switch
    {
        Activation.ReLU => y > T.Zero ? g : T.Zero,
        Activation.LeakyReLU => y > T.Zero ? g : _slope * g,
        Activation.ELU => y > T.Zero ? g : (y + _slope) * g,
        Activation.SELU => y > T.Zero ? _scale * g : (y + _slope) * g,
        Activation.NormalizedReLU or Activation.NormReLU => y > _floor ? _scale * g : T.Zero,
        Activation.NormalizedTanh => _scale * T.FusedMultiplyAdd(-(y * _deviation), y * _deviation, T.One) * g,
        Activation.NormalizedErf => _slope * Exp(-(z * z)) * g,
        _ => throw new NotSupportedException(_kind.ToString()),
    };

    private static T Exp(T z) => typeof(T) == typeof(float)
        ? T.CreateTruncating(KernelMath.Exp(float.CreateTruncating(z)))
        : T.CreateTruncating(KernelMath.Exp(double.CreateTruncating(z)));

    private static T Tanh(T z) => typeof(T) == typeof(float)
        ? T.CreateTruncating(KernelMath.Tanh(float.CreateTruncating(z)))
        : T.CreateTruncating(KernelMath.Tanh(double.CreateTruncating(z)));

    private static T Erf(T z) => typeof(T) == typeof(float)
        ? T.CreateTruncating(KernelMath.Erf(float.CreateTruncating(z)))
        : T.CreateTruncating(KernelMath.Erf(double.CreateTruncating(z)));
}
