using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo;

/// <summary>
/// One layer of the function-space sampler (Gaussian weights, no biases) for 16 networks, one per float lane. A network
/// alive on both sides of x = 0 is, for every later zero pattern, fully described by the angle β between its outputs
/// a⁺ = x_l(+1) and a⁻ = x_l(−1): scaling one side by c &gt; 0 scales all its later pre-activations by c and changes no sign.
/// So a lane's state is (cos β, sin β), and in an orthonormal basis of span(a⁺, a⁻) the next layer's pre-activations
/// (w_i·a⁺/|a⁺|, w_i·a⁻/|a⁻|) are, row by row, (g₁, cos β·g₁ + sin β·g₂) with g₁, g₂ independent N(0, 1): 2·width normals
/// per layer instead of the width² weights of weight space.
/// </summary>
/// <remarks>
/// A lane whose sides become parallel (one neuron alive, carrying both) is reported, not stepped on: a rounded sin β would
/// give z⁻ a spurious independent part and flip signs. The caller finishes such lanes, and those dead on one side, with
/// <see cref="SignOnlyTail"/>. With continuous weights no other event makes a⁺ and a⁻ parallel.
/// </remarks>
internal static class FunctionSpaceLayer
{
    /// <summary>The normals one <see cref="Step"/> consumes: g₁ of every neuron, then g₂, 16 lanes each.</summary>
    public static int NormalsPerStep(int width) => 2 * width * Vector512<float>.Count;

    /// <summary>
    /// Applies the layer drawn from <paramref name="normals"/> to the lanes' states and returns which lanes' new layer is
    /// zero at x = +1, at x = −1, and alive with parallel sides. The new (cos, sin) is meaningful only for lanes alive on
    /// both sides and not parallel.
    /// </summary>
    public static void Step(ref Vector512<float> cos, ref Vector512<float> sin, ReadOnlySpan<float> normals, int width,
        out Vector512<int> zeroAtPlus, out Vector512<int> zeroAtMinus, out Vector512<int> parallel)
    {
        const int Lanes = 16;
        var zero = Vector512<float>.Zero;
        var one = Vector512<float>.One;
        ref float g = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(normals);
        Vector512<float> s11 = zero, s12 = zero, s22 = zero, alive = zero, aliveBoth = zero, anyPlus = zero, anyMinus = zero;
        for (int j = 0; j < width; j++)
        {
            var g1 = Vector512.LoadUnsafe(ref g, (nuint)(j * Lanes));
            var g2 = Vector512.LoadUnsafe(ref g, (nuint)((width + j) * Lanes));
            var plus = Vector512.Max(g1, zero);
            var minus = Vector512.Max(Vector512.FusedMultiplyAdd(cos, g1, sin * g2), zero);
            s11 = Vector512.FusedMultiplyAdd(plus, plus, s11);
            s12 = Vector512.FusedMultiplyAdd(plus, minus, s12);
            s22 = Vector512.FusedMultiplyAdd(minus, minus, s22);
            var onPlus = Vector512.GreaterThan(plus, zero);
            var onMinus = Vector512.GreaterThan(minus, zero);
            anyPlus |= onPlus;
            anyMinus |= onMinus;
            alive += (onPlus | onMinus) & one;
            aliveBoth += (onPlus & onMinus) & one;
        }
        // cos β' = s12/√(s11·s22) and sin β' = √det/√(s11·s22). The determinant s11·s22 − s12² cancels when the sides are
        // nearly parallel, so it is formed with Kahan's FMA scheme (error about one ulp of the result, not of s11·s22).
        var square = s12 * s12;
        var det = Vector512.FusedMultiplyAdd(s11, s22, -square) + Vector512.FusedMultiplyAdd(-s12, s12, square);
        var inverseNorm = one / Vector512.Sqrt(s11 * s22);
        cos = s12 * inverseNorm;
        sin = Vector512.Sqrt(Vector512.Max(det, zero)) * inverseNorm;
        // Zero is decided from the signs, not from the sums of squares, which could underflow.
        zeroAtPlus = ~anyPlus.AsInt32();
        zeroAtMinus = ~anyMinus.AsInt32();
        parallel = (Vector512.Equals(alive, one) & Vector512.Equals(aliveBoth, one)).AsInt32();
    }
}
