using ReluKernels.Activations;

namespace ReluKernels.Theory.Conditioning;

/// <summary>
/// Closed forms of the dual activation σ̂ and its derivative σ̂′ (Daniely, Frostig &amp; Singer 2016, Table 1, as used by
/// Agarwal, Awasthi &amp; Kale 2021, App. C.4), for the activations that have one; null otherwise.
/// </summary>
internal static class DualClosedForms
{
    /// <summary>(σ̂, σ̂′) for <paramref name="activation"/>, or null when only quadrature applies.</summary>
    public static DualPair? For(ScalarActivation activation) => activation switch
    {
        Relu => new(ArcCosine, ArcCosineDerivative),
        NormalisedRelu => new(r => (Math.Sqrt(1 - r * r) + (Math.PI - Math.Acos(r)) * r - 1) / (Math.PI - 1),
                           r => (Math.PI - Math.Acos(r)) / (Math.PI - 1)),
        LeakyRelu leaky => LeakyDual(leaky.Slope),
        Sign => new(r => 2 / Math.PI * Math.Asin(r), r => 2 / (Math.PI * Math.Sqrt(1 - r * r))),
        Exponential => new(r => AccurateMath.ExpM1(r) / (Math.E - 1), r => Math.Exp(r) / (Math.E - 1)),
        NormalisedErf => ErfDual(NormalisedErf.Factor * NormalisedErf.Factor),
        Hermite h => new(r => Math.Pow(r, h.Degree), r => h.Degree * Math.Pow(r, h.Degree - 1)),
        Normalised n when For(n.Inner) is { } inner => Rescaled(inner, n.Shift, n.Factor),
        _ => null,
    };

    // E max(X,0) max(Y,0) = (√(1−ρ²) + (π − arccos ρ)ρ)/(2π), the degree-1 arc-cosine kernel (Cho & Saul 2009).
    private static double ArcCosine(double r) => (Math.Sqrt(1 - r * r) + (Math.PI - Math.Acos(r)) * r) / (2 * Math.PI);

    private static double ArcCosineDerivative(double r) => (Math.PI - Math.Acos(r)) / (2 * Math.PI);

    // σ = a·x + (1 − a)·max(x, 0); the cross terms are E[X max(Y, 0)] = ρ/2 each.
    private static DualPair LeakyDual(double a) =>
        new(r => a * r + (1 - a) * (1 - a) * ArcCosine(r), r => a + (1 - a) * (1 - a) * ArcCosineDerivative(r));

    // E erf(X) erf(Y) = (2/π) arcsin(2ρ/3).
    private static DualPair ErfDual(double scale) =>
        new(r => scale * 2 / Math.PI * Math.Asin(2 * r / 3), r => scale * 2 / Math.PI * (2.0 / 3) / Math.Sqrt(1 - 4 * r * r / 9));

    // (σ − m)·c has dual c²(σ̂ − m²).
    private static DualPair Rescaled(DualPair inner, double shift, double factor) =>
        new(r => factor * factor * (inner.Value(r) - shift * shift), r => factor * factor * inner.Derivative(r));
}

/// <summary>A dual activation σ̂ and its derivative σ̂′ as functions of ρ.</summary>
internal sealed record DualPair(Func<double, double> Value, Func<double, double> Derivative);
