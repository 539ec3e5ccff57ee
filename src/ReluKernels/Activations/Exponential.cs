namespace ReluKernels.Activations;

/// <summary>
/// The exponential normalised under N(0, 1): (eˣ − e^{1/2}) / √(e(e − 1)), using E e^X = e^{1/2} and
/// E e^{2X} = e² (Agarwal et al. 2021, App. C.4, "Exponential").
/// </summary>
public sealed class Exponential : ScalarActivation
{
    /// <summary>The shift E e^X = e^{1/2}.</summary>
    public static readonly double Shift = Math.Exp(0.5);

    /// <summary>The factor 1/√Var e^X = 1/√(e(e − 1)).</summary>
    public static readonly double Factor = 1 / Math.Sqrt(Math.E * (Math.E - 1));

    /// <inheritdoc/>
    public override string Name => "exponential";

    /// <inheritdoc/>
    public override double Value(double x) => Factor * (Math.Exp(x) - Shift);

    /// <inheritdoc/>
    public override double Derivative(double x) => Factor * Math.Exp(x);
}
