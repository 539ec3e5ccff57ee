namespace ReluKernels;

/// <summary>
/// The fixed tables of the 128-layer ziggurat for the standard normal (Marsaglia &amp; Tsang 2000, "The ziggurat method
/// for generating random variables", J. Stat. Softw. 5(8)), built once from the paper's constants by the paper's
/// recurrence. Every step is an exactly rounded IEEE operation or the project's own scalar exp/log
/// (<see cref="KernelMath.Exp(double)"/>, the fdlibm log of <see cref="RngKernels{S, VU, VF, VL, VD}.LogD"/>), so the
/// tables are the same bits on every machine.
/// </summary>
/// <remarks>
/// With f(x) = e^(−x²/2): the bottom rectangle's right edge is x₁₂₇ = <see cref="R"/>, and going up
/// xᵢ = √(−2 ln(<see cref="V"/>/xᵢ₊₁ + f(xᵢ₊₁))) for i = 126, …, 1, so that every layer i ≥ 1, the rectangle
/// [0, xᵢ] × [f(xᵢ), f(xᵢ₋₁)] (with f(x₀) = 1), has area V. Layer 0 is the base strip [0, q] × [0, f(R)] with
/// q = V/f(R): its part x &lt; R lies under the curve and the rest stands for the tail x ≥ R, whose mass is V − R·f(R).
/// </remarks>
internal static class ZigguratTables
{
    /// <summary>Layers; one word's low 7 bits pick one.</summary>
    public const int Layers = 128;

    /// <summary>Where the tail starts (Marsaglia &amp; Tsang 2000, 128 layers).</summary>
    public const double R = 3.442619855899;

    /// <summary>Area of every layer, in units of the unnormalised density f (Marsaglia &amp; Tsang 2000, 128 layers).</summary>
    public const double V = 9.91256303526217e-3;

    /// <summary>Magnitudes come from 24 bits of the word: j ∈ [0, 2²⁴).</summary>
    public const double MagnitudeScale = 16777216.0;

    /// <summary>Right edge xᵢ of layer i (layer 0: q = V/f(R), the base strip's width).</summary>
    public static readonly double[] Edge = new double[Layers];

    /// <summary>f(xᵢ) for layers i ≥ 1 and f(x₀) = 1 at the top: the wedge of layer i spans heights [f(xᵢ), f(xᵢ₋₁)].</summary>
    public static readonly double[] Density = new double[Layers];

    /// <summary>xᵢ·2⁻²⁴ as a float: a magnitude j of layer i is the value j·<c>Step[i]</c>.</summary>
    public static readonly float[] Step = new float[Layers];

    /// <summary>⌊2²⁴·xᵢ₋₁/xᵢ⌋ (layer 0: ⌊2²⁴·R/q⌋, layer 1: 0): j below it lies inside the curve without a test.</summary>
    public static readonly uint[] Accept = new uint[Layers];

    static ZigguratTables()
    {
        double x = R;
        Edge[Layers - 1] = R;
        Density[Layers - 1] = F(R);
        for (int i = Layers - 2; i >= 1; i--)
        {
            x = Math.Sqrt(-2 * Log(V / x + F(x)));
            Edge[i] = x;
            Density[i] = F(x);
        }
        Edge[0] = V / F(R);
        Density[0] = 1;
        for (int i = 0; i < Layers; i++)
            Step[i] = (float)(Edge[i] / MagnitudeScale);
        Accept[0] = (uint)Math.Floor(MagnitudeScale * R / Edge[0]);
        Accept[1] = 0;
        for (int i = 2; i < Layers; i++)
            Accept[i] = (uint)Math.Floor(MagnitudeScale * Edge[i - 1] / Edge[i]);
    }

    /// <summary>The unnormalised normal density e^(−x²/2), with the project's bit-identical exp.</summary>
    public static double F(double x) => KernelMath.Exp(-0.5 * x * x);

    /// <summary>Natural log with the project's bit-identical fdlibm kernel.</summary>
    public static double Log(double x) => RngKernels<ScalarOps, uint, float, ulong, double>.LogD(x);
}
